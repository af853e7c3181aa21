using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Minutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Minutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Minutes_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Minutes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Minutes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MinutesVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Narratives = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectsVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAtMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAtItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedContent = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesVersions_AgendaItem_ApprovedAtItemId",
                        column: x => x.ApprovedAtItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MinutesVersions_Meetings_ApprovedAtMeetingId",
                        column: x => x.ApprovedAtMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MinutesVersions_Minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_CommitteeId",
                table: "Minutes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_MeetingId",
                table: "Minutes",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_OrganisationId",
                table: "Minutes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_ApprovedAtItemId",
                table: "MinutesVersions",
                column: "ApprovedAtItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_ApprovedAtMeetingId",
                table: "MinutesVersions",
                column: "ApprovedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_MinutesId_Number",
                table: "MinutesVersions",
                columns: new[] { "MinutesId", "Number" },
                unique: true);

            // Approved minutes are fixed in the database too, not only in the application.
            migrationBuilder.Sql("""
                CREATE TRIGGER minutes_versions_approved_no_update BEFORE UPDATE ON "MinutesVersions"
                WHEN OLD."Status" = 'Approved'
                BEGIN SELECT RAISE(ABORT, 'approved minutes are fixed: correct them with a new version'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER minutes_versions_approved_no_delete BEFORE DELETE ON "MinutesVersions"
                WHEN OLD."Status" = 'Approved'
                BEGIN SELECT RAISE(ABORT, 'approved minutes are fixed: correct them with a new version'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS minutes_versions_approved_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS minutes_versions_approved_no_delete;");

            migrationBuilder.DropTable(
                name: "MinutesVersions");

            migrationBuilder.DropTable(
                name: "Minutes");
        }
    }
}
