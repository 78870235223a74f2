using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Media.Data.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "jsonb", nullable: false),
                    objective = table.Column<string>(type: "jsonb", nullable: false),
                    audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    municipalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    target_reach_by_channel = table.Column<string>(type: "jsonb", nullable: false),
                    target_reach_by_language = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reach_measured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closing_reach = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journalist_trainings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outlet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    journalists_trained = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journalist_trainings", x => x.id);
                    table.ForeignKey(
                        name: "fk_journalist_trainings_organizations_outlet_id",
                        column: x => x.outlet_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "media_partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outlet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_partnerships", x => x.id);
                    table.ForeignKey(
                        name: "fk_media_partnerships_organizations_outlet_id",
                        column: x => x.outlet_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "media_outputs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outlet_id = table.Column<Guid>(type: "uuid", nullable: true),
                    own_channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    compliant_at_first_check = table.Column<bool>(type: "boolean", nullable: true),
                    latest_check_compliant = table.Column<bool>(type: "boolean", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_outputs", x => x.id);
                    table.ForeignKey(
                        name: "fk_media_outputs_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_media_outputs_organizations_outlet_id",
                        column: x => x.outlet_id,
                        principalTable: "organizations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "reach_measurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    output_id = table.Column<Guid>(type: "uuid", nullable: false),
                    metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    measured_on = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reach_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_reach_measurements_media_outputs_output_id",
                        column: x => x.output_id,
                        principalTable: "media_outputs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visibility_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    output_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    eu_emblem_present = table.Column<bool>(type: "boolean", nullable: false),
                    funding_statement_present = table.Column<bool>(type: "boolean", nullable: false),
                    funding_statement_text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    emblem_and_statement_together = table.Column<bool>(type: "boolean", nullable: false),
                    disclaimer_present = table.Column<bool>(type: "boolean", nullable: true),
                    partner_logos_not_more_prominent = table.Column<bool>(type: "boolean", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    failed = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visibility_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_visibility_checks_media_outputs_output_id",
                        column: x => x.output_id,
                        principalTable: "media_outputs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_status",
                table: "campaigns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_journalist_trainings_outlet_id",
                table: "journalist_trainings",
                column: "outlet_id");

            migrationBuilder.CreateIndex(
                name: "ix_media_outputs_campaign_id",
                table: "media_outputs",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_media_outputs_outlet_id",
                table: "media_outputs",
                column: "outlet_id");

            migrationBuilder.CreateIndex(
                name: "ix_media_outputs_status_municipality",
                table: "media_outputs",
                columns: new[] { "status", "municipality" });

            migrationBuilder.CreateIndex(
                name: "ix_media_partnerships_outlet_id",
                table: "media_partnerships",
                column: "outlet_id");

            migrationBuilder.CreateIndex(
                name: "ix_reach_measurements_output_id",
                table: "reach_measurements",
                column: "output_id");

            migrationBuilder.CreateIndex(
                name: "ix_visibility_checks_output_id_number",
                table: "visibility_checks",
                columns: new[] { "output_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journalist_trainings");

            migrationBuilder.DropTable(
                name: "media_partnerships");

            migrationBuilder.DropTable(
                name: "reach_measurements");

            migrationBuilder.DropTable(
                name: "visibility_checks");

            migrationBuilder.DropTable(
                name: "media_outputs");

            migrationBuilder.DropTable(
                name: "campaigns");
        }
    }
}
