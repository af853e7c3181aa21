using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AgendaPublishedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CurrentItemId",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Exclusion_PassedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Exclusion_Reason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Exclusion_Wording",
                table: "Meetings",
                type: "TEXT",
                maxLength: 1400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortNoticeReason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OutcomeAt",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Presenter",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingDeclaration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Interest = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDeclaration", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDeclaration_AgendaItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingDeclaration_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingDeclaration_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPapers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPapers_AgendaItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingPapers_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeopleInAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeopleInAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeopleInAttendance_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuorumConfirmation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfirmedByMembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuorumConfirmation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuorumConfirmation_AgendaItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuorumConfirmation_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuorumConfirmation_Memberships_ConfirmedByMembershipId",
                        column: x => x.ConfirmedByMembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperContents",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperContents", x => x.PaperId);
                    table.ForeignKey(
                        name: "FK_PaperContents_MeetingPapers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "MeetingPapers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDeclaration_ItemId",
                table: "MeetingDeclaration",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDeclaration_MeetingId_DeclaredAt",
                table: "MeetingDeclaration",
                columns: new[] { "MeetingId", "DeclaredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDeclaration_MembershipId",
                table: "MeetingDeclaration",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPapers_ItemId",
                table: "MeetingPapers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPapers_MeetingId_ItemId",
                table: "MeetingPapers",
                columns: new[] { "MeetingId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeopleInAttendance_MeetingId",
                table: "PeopleInAttendance",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_QuorumConfirmation_ConfirmedByMembershipId",
                table: "QuorumConfirmation",
                column: "ConfirmedByMembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_QuorumConfirmation_ItemId",
                table: "QuorumConfirmation",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_QuorumConfirmation_MeetingId_ItemId",
                table: "QuorumConfirmation",
                columns: new[] { "MeetingId", "ItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingDeclaration");

            migrationBuilder.DropTable(
                name: "PaperContents");

            migrationBuilder.DropTable(
                name: "PeopleInAttendance");

            migrationBuilder.DropTable(
                name: "QuorumConfirmation");

            migrationBuilder.DropTable(
                name: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "AgendaPublishedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CurrentItemId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Exclusion_PassedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Exclusion_Reason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Exclusion_Wording",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ShortNoticeReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "OutcomeAt",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Presenter",
                table: "AgendaItem");
        }
    }
}
