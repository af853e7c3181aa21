using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PsrRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Psr_AccessInequalitiesAndChoice",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Psr_AwardedOn",
                table: "ProcurementDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_CpvCode",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_DecisionMakers",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_IntegrationCollaborationAndSustainability",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_NoticeReference",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_ProviderAddress",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_QualityAndInnovation",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_RepresentationsOutcome",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Psr_RepresentationsReceived",
                table: "ProcurementDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Psr_RepresentationsUpheld",
                table: "ProcurementDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Psr_SocialValue",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Psr_StandstillEndsOn",
                table: "ProcurementDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Psr_Value",
                table: "ProcurementDecisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Psr_AccessInequalitiesAndChoice",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_AwardedOn",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_CpvCode",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_DecisionMakers",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_IntegrationCollaborationAndSustainability",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_NoticeReference",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_ProviderAddress",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_QualityAndInnovation",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_RepresentationsOutcome",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_RepresentationsReceived",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_RepresentationsUpheld",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_SocialValue",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_StandstillEndsOn",
                table: "ProcurementDecisions");

            migrationBuilder.DropColumn(
                name: "Psr_Value",
                table: "ProcurementDecisions");
        }
    }
}
