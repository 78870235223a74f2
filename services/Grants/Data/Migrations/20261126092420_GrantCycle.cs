using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Grants.Data.Migrations
{
    /// <inheritdoc />
    public partial class GrantCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    award_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target_group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    tranches = table.Column<string>(type: "jsonb", nullable: false),
                    reports = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    co_funding = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    budget_lines = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    eligible = table.Column<bool>(type: "boolean", nullable: true),
                    eligibility_failures = table.Column<string>(type: "jsonb", nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.CheckConstraint("ck_applications_one_applicant", "(organization_id IS NULL) <> (participant_id IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "awards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    awarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_awards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "jsonb", nullable: false),
                    target_group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    eligible_municipalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    envelope = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    minimum_award = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    maximum_award = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    co_funding_share = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    requires_assessment = table.Column<bool>(type: "boolean", nullable: false),
                    required_scores = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    awarded_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                    table.CheckConstraint("ck_calls_awarded_within_envelope", "awarded_amount <= envelope");
                });

            migrationBuilder.CreateTable(
                name: "completed_assessments",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    overall = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_completed_assessments", x => x.assessment_id);
                });

            migrationBuilder.CreateTable(
                name: "evaluator_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    declaration = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    weighted_total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluator_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "graduates",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    graduated_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graduates", x => x.participant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_award_id",
                table: "agreements",
                column: "award_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_organization_id",
                table: "agreements",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_participant_id",
                table: "agreements",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_call_id_status",
                table: "applications",
                columns: new[] { "call_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_organization_id",
                table: "applications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_participant_id",
                table: "applications",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_awards_application_id",
                table: "awards",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_awards_call_id",
                table: "awards",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_status",
                table: "calls",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_completed_assessments_organization_id",
                table: "completed_assessments",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluator_assignments_application_id_evaluator",
                table: "evaluator_assignments",
                columns: new[] { "application_id", "evaluator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluator_assignments_evaluator_call_id",
                table: "evaluator_assignments",
                columns: new[] { "evaluator", "call_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "awards");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "completed_assessments");

            migrationBuilder.DropTable(
                name: "evaluator_assignments");

            migrationBuilder.DropTable(
                name: "graduates");
        }
    }
}
