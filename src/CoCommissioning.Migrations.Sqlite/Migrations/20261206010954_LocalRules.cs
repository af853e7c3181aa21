using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LocalRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CycleFrequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CycleWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaNotice = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BreachesPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gifts_AggregationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Gifts_BrandedItemLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Gifts_GiftDeclarationLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Gifts_HospitalityApprovalAbove = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Gifts_HospitalityDeclarationFrom = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalRules_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocalRules_OrganisationId_EffectiveFrom",
                table: "LocalRules",
                columns: new[] { "OrganisationId", "EffectiveFrom" },
                unique: true);

            // DATA FILL (hand-written, ADR-0025): every existing organisation gets the rule book's defaults in force
            // from the beginning (1900-01-01), carrying over any gift thresholds it had saved in RegisterSettings, so
            // every existing record reads exactly as before. SavedAt 0 is "not known". Re-add this block when
            // regenerating the migration.
            migrationBuilder.Sql("""
                INSERT INTO "LocalRules" ("Id", "OrganisationId", "EffectiveFrom", "CycleFrequency", "CycleWindowDays", "AgendaNotice", "BreachesPublished", "SavedAt", "Version", "Gifts_AggregationMonths", "Gifts_BrandedItemLimit", "Gifts_GiftDeclarationLimit", "Gifts_HospitalityApprovalAbove", "Gifts_HospitalityDeclarationFrom")
                SELECT upper(substr(x.h, 1, 8) || '-' || substr(x.h, 9, 4) || '-' || substr(x.h, 13, 4) || '-' || substr(x.h, 17, 4) || '-' || substr(x.h, 21, 12)),
                       x.org, '1900-01-01', 'Annual', 28, 'ThreeClearDays', 1, 0,
                       upper(substr(x.v, 1, 8) || '-' || substr(x.v, 9, 4) || '-' || substr(x.v, 13, 4) || '-' || substr(x.v, 17, 4) || '-' || substr(x.v, 21, 12)),
                       COALESCE(s."Thresholds_AggregationMonths", 12), COALESCE(s."Thresholds_BrandedItemLimit", '6.0'), COALESCE(s."Thresholds_GiftDeclarationLimit", '50.0'),
                       COALESCE(s."Thresholds_HospitalityApprovalAbove", '75.0'), COALESCE(s."Thresholds_HospitalityDeclarationFrom", '25.0')
                FROM (SELECT o."Id" AS org, hex(randomblob(16)) AS h, hex(randomblob(16)) AS v FROM "Organisations" o) x
                LEFT JOIN "RegisterSettings" s ON s."Id" = x.org;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocalRules");
        }
    }
}
