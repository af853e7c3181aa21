using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ItemLifecycleAndFlagResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RegisterDeclarationId",
                table: "MeetingDeclaration",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeftForItemId",
                table: "AttendanceRecord",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedAs",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "AgendaItem",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "PreFlagDismissal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclarationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DismissedByMembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreFlagDismissal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreFlagDismissal_AgendaItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreFlagDismissal_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreFlagDismissal_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreFlagDismissal_ItemId_MembershipId_DeclarationId",
                table: "PreFlagDismissal",
                columns: new[] { "ItemId", "MembershipId", "DeclarationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreFlagDismissal_MeetingId",
                table: "PreFlagDismissal",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PreFlagDismissal_MembershipId",
                table: "PreFlagDismissal",
                column: "MembershipId");

            // Items already decided, concluded or taken before items had a status.
            migrationBuilder.Sql("UPDATE AgendaItem SET Status = 'Closed', ClosedAs = (SELECT CASE d.Kind WHEN 'Consensus' THEN 'Consensus' ELSE 'Vote' END FROM Decisions d WHERE d.ItemId = AgendaItem.Id), ClosedAt = (SELECT d.DecidedAt FROM Decisions d WHERE d.ItemId = AgendaItem.Id) WHERE Id IN (SELECT ItemId FROM Decisions);");
            migrationBuilder.Sql("UPDATE AgendaItem SET Status = 'Closed', ClosedAs = 'InquorateResolution', ClosedAt = (SELECT r.RecordedAt FROM InquorateResolutions r WHERE r.ItemId = AgendaItem.Id) WHERE Id IN (SELECT ItemId FROM InquorateResolutions);");
            migrationBuilder.Sql("UPDATE AgendaItem SET Status = 'Closed', ClosedAs = Outcome, ClosedAt = OutcomeAt WHERE Outcome IS NOT NULL;");
            migrationBuilder.Sql("UPDATE AgendaItem SET Status = 'Taken' WHERE Status = 'Open' AND Id IN (SELECT CurrentItemId FROM Meetings WHERE CurrentItemId IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreFlagDismissal");

            migrationBuilder.DropColumn(
                name: "RegisterDeclarationId",
                table: "MeetingDeclaration");

            migrationBuilder.DropColumn(
                name: "LeftForItemId",
                table: "AttendanceRecord");

            migrationBuilder.DropColumn(
                name: "ClosedAs",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AgendaItem");
        }
    }
}
