using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgendaEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_MeetingId_Number",
                table: "AgendaItem");

            migrationBuilder.AddColumn<long>(
                name: "LateAt",
                table: "MeetingPapers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateReason",
                table: "MeetingPapers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedAt",
                table: "MeetingPapers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedReason",
                table: "MeetingPapers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "MeetingPapers",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "SupersededAt",
                table: "MeetingPapers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VersionNumber",
                table: "MeetingPapers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "LateAt",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateReason",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentItemId",
                table: "AgendaItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Standing",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaTemplates_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaTemplates_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaTemplateItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaTemplateItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaTemplateItem_AgendaTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "AgendaTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPapers_SeriesId",
                table: "MeetingPapers",
                column: "SeriesId");

            // Existing rows: an item's position is its old number, with no standing part; each paper is the first
            // version of its own series. Before the position index, which needs the positions.
            migrationBuilder.Sql("UPDATE \"AgendaItem\" SET \"Position\" = CAST(\"Number\" AS integer), \"Standing\" = 'None';");
            migrationBuilder.Sql("UPDATE \"MeetingPapers\" SET \"SeriesId\" = \"Id\", \"VersionNumber\" = 1;");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId_Position",
                table: "AgendaItem",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_ParentItemId",
                table: "AgendaItem",
                column: "ParentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTemplateItem_TemplateId",
                table: "AgendaTemplateItem",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTemplates_CommitteeId",
                table: "AgendaTemplates",
                column: "CommitteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTemplates_OrganisationId",
                table: "AgendaTemplates",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItem_AgendaItem_ParentItemId",
                table: "AgendaItem",
                column: "ParentItemId",
                principalTable: "AgendaItem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItem_AgendaItem_ParentItemId",
                table: "AgendaItem");

            migrationBuilder.DropTable(
                name: "AgendaTemplateItem");

            migrationBuilder.DropTable(
                name: "AgendaTemplates");

            migrationBuilder.DropIndex(
                name: "IX_MeetingPapers_SeriesId",
                table: "MeetingPapers");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_MeetingId_Position",
                table: "AgendaItem");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_ParentItemId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "LateAt",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "LateReason",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "RemovedReason",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "VersionNumber",
                table: "MeetingPapers");

            migrationBuilder.DropColumn(
                name: "LateAt",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "LateReason",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ParentItemId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Standing",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "AgendaItem");

            migrationBuilder.AlterColumn<int>(
                name: "Number",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId_Number",
                table: "AgendaItem",
                columns: new[] { "MeetingId", "Number" },
                unique: true);
        }
    }
}
