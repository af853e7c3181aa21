using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Breaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActionTaken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Breaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Breaches_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breaches_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclarationCycles_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgreedMitigation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Withheld = table.Column<bool>(type: "boolean", nullable: false),
                    WithholdingGround = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    WithheldReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WithholdingApprovedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_ConcernsBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_From = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_IsDirect = table.Column<bool>(type: "boolean", nullable: true),
                    Details_Mitigation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Details_Nature = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Details_Relationship = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Details_To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Declarations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Declarations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExternalBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalBodies_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GiftEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Advice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AdviceReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ValueCounted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Withheld = table.Column<bool>(type: "boolean", nullable: false),
                    WithheldReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Details_Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Details_EstimatedValue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Details_IsCashOrVoucher = table.Column<bool>(type: "boolean", nullable: false),
                    Details_IsLowCostBrandedItem = table.Column<bool>(type: "boolean", nullable: false),
                    Details_Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_OfferorBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_OfferorBusiness = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Details_OfferorKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_OfferorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Details_Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Details_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GiftEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GiftEntries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GiftEntries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcurementDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_CommitteeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ConflictsManagement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Details_ConflictsNoted = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Details_ContractEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ContractStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ContractValue = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    Details_DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Service = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Details_SupplierBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_SupplierName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Details_Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcurementDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcurementDecisions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcurementDecisions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Thresholds_AggregationMonths = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_BrandedItemLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Thresholds_GiftDeclarationLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Thresholds_HospitalityApprovalAbove = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Thresholds_HospitalityDeclarationFrom = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterSettings_Organisations_Id",
                        column: x => x.Id,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisterSettings_People_GuardianPersonId",
                        column: x => x.GuardianPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleReminders_DeclarationCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DeclarationCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NilReturnDeclarationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleReturns_DeclarationCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DeclarationCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleReturns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    Details_Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_ConcernsBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_From = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_IsDirect = table.Column<bool>(type: "boolean", nullable: true),
                    Details_Mitigation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Details_Nature = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Details_Relationship = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Details_To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclarationVersions_Declarations_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "Declarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_OrganisationId_IdentifiedOn",
                table: "Breaches",
                columns: new[] { "OrganisationId", "IdentifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_PersonId",
                table: "Breaches",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleReminders_CycleId_PersonId",
                table: "CycleReminders",
                columns: new[] { "CycleId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleReturns_CycleId_PersonId",
                table: "CycleReturns",
                columns: new[] { "CycleId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleReturns_PersonId",
                table: "CycleReturns",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationCycles_OrganisationId_OpensOn",
                table: "DeclarationCycles",
                columns: new[] { "OrganisationId", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_OrganisationId_PersonId",
                table: "Declarations",
                columns: new[] { "OrganisationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_OrganisationId_Status_Withheld",
                table: "Declarations",
                columns: new[] { "OrganisationId", "Status", "Withheld" });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_PersonId",
                table: "Declarations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationVersions_DeclarationId_Number",
                table: "DeclarationVersions",
                columns: new[] { "DeclarationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalBodies_OrganisationId_Kind_Name",
                table: "ExternalBodies",
                columns: new[] { "OrganisationId", "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GiftEntries_OrganisationId_PersonId",
                table: "GiftEntries",
                columns: new[] { "OrganisationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_GiftEntries_OrganisationId_Status_Withheld",
                table: "GiftEntries",
                columns: new[] { "OrganisationId", "Status", "Withheld" });

            migrationBuilder.CreateIndex(
                name: "IX_GiftEntries_PersonId",
                table: "GiftEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDecisions_DecisionId",
                table: "ProcurementDecisions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcurementDecisions_OrganisationId",
                table: "ProcurementDecisions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSettings_GuardianPersonId",
                table: "RegisterSettings",
                column: "GuardianPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Breaches");

            migrationBuilder.DropTable(
                name: "CycleReminders");

            migrationBuilder.DropTable(
                name: "CycleReturns");

            migrationBuilder.DropTable(
                name: "DeclarationVersions");

            migrationBuilder.DropTable(
                name: "ExternalBodies");

            migrationBuilder.DropTable(
                name: "GiftEntries");

            migrationBuilder.DropTable(
                name: "ProcurementDecisions");

            migrationBuilder.DropTable(
                name: "RegisterSettings");

            migrationBuilder.DropTable(
                name: "DeclarationCycles");

            migrationBuilder.DropTable(
                name: "Declarations");
        }
    }
}
