using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCommissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedDeclarationDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishedByName",
                table: "Declarations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedDetails_Category",
                table: "Declarations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublishedDetails_ConcernsBodyId",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedDetails_From",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishedDetails_IsDirect",
                table: "Declarations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedDetails_Mitigation",
                table: "Declarations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedDetails_Nature",
                table: "Declarations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedDetails_Relationship",
                table: "Declarations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedDetails_To",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            // Entries accepted before this migration are published as they stand.
            migrationBuilder.Sql("""
                UPDATE "Declarations" SET
                    "PublishedDetails_Category" = "Details_Category",
                    "PublishedDetails_ConcernsBodyId" = "Details_ConcernsBodyId",
                    "PublishedDetails_From" = "Details_From",
                    "PublishedDetails_IsDirect" = "Details_IsDirect",
                    "PublishedDetails_Mitigation" = "Details_Mitigation",
                    "PublishedDetails_Nature" = "Details_Nature",
                    "PublishedDetails_Relationship" = "Details_Relationship",
                    "PublishedDetails_To" = "Details_To",
                    "PublishedOn" = "ReviewedOn",
                    "PublishedByName" = "ReviewedByName"
                WHERE "Status" = 'Accepted' AND "Details_Nature" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedByName",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_Category",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_ConcernsBodyId",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_From",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_IsDirect",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_Mitigation",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_Nature",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_Relationship",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedDetails_To",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "Declarations");
        }
    }
}
