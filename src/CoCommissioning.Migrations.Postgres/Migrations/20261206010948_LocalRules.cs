using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CycleFrequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CycleWindowDays = table.Column<int>(type: "integer", nullable: false),
                    AgendaNotice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BreachesPublished = table.Column<bool>(type: "boolean", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Gifts_AggregationMonths = table.Column<int>(type: "integer", nullable: false),
                    Gifts_BrandedItemLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Gifts_GiftDeclarationLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Gifts_HospitalityApprovalAbove = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Gifts_HospitalityDeclarationFrom = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
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
            // every existing record reads exactly as before. Re-add this block when regenerating the migration.
            migrationBuilder.Sql("""
                INSERT INTO "LocalRules" ("Id", "OrganisationId", "EffectiveFrom", "CycleFrequency", "CycleWindowDays", "AgendaNotice", "BreachesPublished", "SavedAt", "Version", "Gifts_AggregationMonths", "Gifts_BrandedItemLimit", "Gifts_GiftDeclarationLimit", "Gifts_HospitalityApprovalAbove", "Gifts_HospitalityDeclarationFrom")
                SELECT gen_random_uuid(), o."Id", DATE '1900-01-01', 'Annual', 28, 'ThreeClearDays', TRUE, now(), gen_random_uuid(),
                       COALESCE(s."Thresholds_AggregationMonths", 12), COALESCE(s."Thresholds_BrandedItemLimit", 6), COALESCE(s."Thresholds_GiftDeclarationLimit", 50),
                       COALESCE(s."Thresholds_HospitalityApprovalAbove", 75), COALESCE(s."Thresholds_HospitalityDeclarationFrom", 25)
                FROM "Organisations" o LEFT JOIN "RegisterSettings" s ON s."Id" = o."Id";
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
