using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Media.Data.Migrations
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    quarter = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dimensions = table.Column<string>(type: "jsonb", nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: false),
                    text = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "quarter_locks",
                columns: table => new
                {
                    quarter = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quarter_locks", x => x.quarter);
                });

            migrationBuilder.CreateTable(
                name: "stories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "jsonb", nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    graduates = table.Column<string>(type: "jsonb", nullable: false),
                    edited = table.Column<bool>(type: "boolean", nullable: false),
                    contains_personal_data = table.Column<bool>(type: "boolean", nullable: false),
                    consent_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consent_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stories", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_facts_kind_quarter",
                table: "facts",
                columns: new[] { "kind", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_facts_kind_subject_id",
                table: "facts",
                columns: new[] { "kind", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_stories_kind_subject_id",
                table: "stories",
                columns: new[] { "kind", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stories_status_published_at",
                table: "stories",
                columns: new[] { "status", "published_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facts");

            migrationBuilder.DropTable(
                name: "quarter_locks");

            migrationBuilder.DropTable(
                name: "stories");
        }
    }
}
