using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TermsOfReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TermsOfReference",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MinimumMeetingsPerYear = table.Column<int>(type: "integer", nullable: false),
                    MeetingsPublicByDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Quorum = table.Column<string>(type: "text", nullable: false),
                    Voting = table.Column<string>(type: "text", nullable: false),
                    CoOptionAllowed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermsOfReference", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermsOfReference_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TermsOfReference_CommitteeId_EffectiveFrom",
                table: "TermsOfReference",
                columns: new[] { "CommitteeId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TermsOfReference");
        }
    }
}
