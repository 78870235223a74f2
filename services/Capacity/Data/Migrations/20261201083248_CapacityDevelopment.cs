using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.Capacity.Data.Migrations
{
    /// <inheritdoc />
    public partial class CapacityDevelopment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    human_rights_based_approach = table.Column<bool>(type: "boolean", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    host_organizations = table.Column<List<string>>(type: "text[]", nullable: false),
                    trainers = table.Column<List<string>>(type: "text[]", nullable: false),
                    mentor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    mentored_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    action_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instruments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "jsonb", nullable: false),
                    domains = table.Column<string>(type: "jsonb", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instruments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    age_group = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    consent_purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_notice_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activity_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_sessions_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    instrument_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instrument_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    instrument_version = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    facilitator_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    participant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    validated_revisions = table.Column<string>(type: "jsonb", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessments_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_participants",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    age_group = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sessions_attended = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    pre_test = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    post_test = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_participants", x => new { x.activity_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_activity_participants_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_activity_participants_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sub_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    support = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    drop_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_improvement_actions_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "instruments",
                columns: new[] { "id", "code", "domains", "name", "published_at", "version" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "oca-cso", "[{\"code\":\"governance\",\"name\":{\"en\":\"Governance and legal structure\",\"ka\":\"\\u10DB\\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D4\\u10DA\\u10DD\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10E1\\u10D0\\u10DB\\u10D0\\u10E0\\u10D7\\u10DA\\u10D4\\u10D1\\u10E0\\u10D8\\u10D5\\u10D8 \\u10E1\\u10E2\\u10E0\\u10E3\\u10E5\\u10E2\\u10E3\\u10E0\\u10D0\"},\"subAreas\":[{\"code\":\"vision-mission\",\"name\":{\"en\":\"Vision and mission\",\"ka\":\"\\u10EE\\u10D4\\u10D3\\u10D5\\u10D0 \\u10D3\\u10D0 \\u10DB\\u10D8\\u10E1\\u10D8\\u10D0\"},\"levels\":[{\"en\":\"There is no written mission, or staff and board cannot say what it is.\"},{\"en\":\"A mission exists on paper but does not guide decisions or planning.\"},{\"en\":\"The mission is known by staff and board and is used when choosing work.\"},{\"en\":\"The mission is reviewed regularly with stakeholders and every programme is traced to it.\"}]},{\"code\":\"legal-status\",\"name\":{\"en\":\"Legal status and compliance\",\"ka\":\"\\u10E1\\u10D0\\u10DB\\u10D0\\u10E0\\u10D7\\u10DA\\u10D4\\u10D1\\u10E0\\u10D8\\u10D5\\u10D8 \\u10E1\\u10E2\\u10D0\\u10E2\\u10E3\\u10E1\\u10D8 \\u10D3\\u10D0 \\u10E8\\u10D4\\u10E1\\u10D0\\u10D1\\u10D0\\u10DB\\u10D8\\u10E1\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Registration or statutory filings are missing or out of date.\"},{\"en\":\"The organisation is registered, but filings are late and nobody is responsible for them.\"},{\"en\":\"Registration, statutes and filings are current, with a named person responsible.\"},{\"en\":\"Compliance is checked on a calendar and reviewed by the board; there were no findings in recent years.\"}]},{\"code\":\"board\",\"name\":{\"en\":\"Board oversight\",\"ka\":\"\\u10E1\\u10D0\\u10D1\\u10ED\\u10DD\\u10E1 \\u10D6\\u10D4\\u10D3\\u10D0\\u10DB\\u10EE\\u10D4\\u10D3\\u10D5\\u10D4\\u10DA\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"There is no functioning board, or it never meets.\"},{\"en\":\"A board meets occasionally but does not review finances or strategy.\"},{\"en\":\"The board meets as its statutes require and approves budgets, plans and reports.\"},{\"en\":\"The board steers strategy, evaluates the director and manages conflicts of interest openly.\"}]}]},{\"code\":\"financial-management\",\"name\":{\"en\":\"Financial management and internal control\",\"ka\":\"\\u10E4\\u10D8\\u10DC\\u10D0\\u10DC\\u10E1\\u10E3\\u10E0\\u10D8 \\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D0 \\u10D3\\u10D0 \\u10E8\\u10D8\\u10D3\\u10D0 \\u10D9\\u10DD\\u10DC\\u10E2\\u10E0\\u10DD\\u10DA\\u10D8\"},\"subAreas\":[{\"code\":\"budgeting\",\"name\":{\"en\":\"Budgeting\",\"ka\":\"\\u10D1\\u10D8\\u10E3\\u10EF\\u10D4\\u10E2\\u10D8\\u10E0\\u10D4\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"There is no organisational budget; spending is decided case by case.\"},{\"en\":\"Project budgets exist, but there is no overall budget or tracking of actuals.\"},{\"en\":\"An annual budget is approved and actual spending is compared with it every quarter.\"},{\"en\":\"Budgets cover full costs, are revised with evidence and inform decisions on new funding.\"}]},{\"code\":\"accounting\",\"name\":{\"en\":\"Accounting and financial reporting\",\"ka\":\"\\u10D1\\u10E3\\u10E6\\u10D0\\u10DA\\u10E2\\u10D4\\u10E0\\u10D8\\u10D0 \\u10D3\\u10D0 \\u10E4\\u10D8\\u10DC\\u10D0\\u10DC\\u10E1\\u10E3\\u10E0\\u10D8 \\u10D0\\u10DC\\u10D2\\u10D0\\u10E0\\u10D8\\u10E8\\u10D2\\u10D4\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Transactions are not recorded systematically; there are no financial statements.\"},{\"en\":\"Records exist, but reconciliations and reports to donors are late or incomplete.\"},{\"en\":\"Accounting software and a chart of accounts are used; monthly reconciliations and timely donor reports.\"},{\"en\":\"Statements are audited externally without material findings and shared with the board.\"}]},{\"code\":\"internal-control\",\"name\":{\"en\":\"Internal control\",\"ka\":\"\\u10E8\\u10D8\\u10D3\\u10D0 \\u10D9\\u10DD\\u10DC\\u10E2\\u10E0\\u10DD\\u10DA\\u10D8\"},\"levels\":[{\"en\":\"One person requests, approves and pays; there are no written procedures.\"},{\"en\":\"Some procedures are written but not followed consistently.\"},{\"en\":\"Duties are separated, approvals are documented and assets are registered.\"},{\"en\":\"Controls are reviewed periodically, weaknesses found are fixed, and fraud risks are assessed.\"}]}]},{\"code\":\"administration\",\"name\":{\"en\":\"Administration and procurement\",\"ka\":\"\\u10D0\\u10D3\\u10DB\\u10D8\\u10DC\\u10D8\\u10E1\\u10E2\\u10E0\\u10D8\\u10E0\\u10D4\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10E8\\u10D4\\u10E1\\u10E7\\u10D8\\u10D3\\u10D5\\u10D4\\u10D1\\u10D8\"},\"subAreas\":[{\"code\":\"procurement\",\"name\":{\"en\":\"Procurement\",\"ka\":\"\\u10E8\\u10D4\\u10E1\\u10E7\\u10D8\\u10D3\\u10D5\\u10D4\\u10D1\\u10D8\"},\"levels\":[{\"en\":\"Purchases are made without quotes or records.\"},{\"en\":\"Quotes are sometimes collected, but there is no written policy or threshold.\"},{\"en\":\"A written procurement policy with thresholds, quotes and records is followed.\"},{\"en\":\"Procurement meets donor rules, files are audit-ready and conflicts of interest are declared.\"}]},{\"code\":\"policies\",\"name\":{\"en\":\"Administrative policies and procedures\",\"ka\":\"\\u10D0\\u10D3\\u10DB\\u10D8\\u10DC\\u10D8\\u10E1\\u10E2\\u10E0\\u10D0\\u10EA\\u10D8\\u10E3\\u10DA\\u10D8 \\u10DE\\u10DD\\u10DA\\u10D8\\u10E2\\u10D8\\u10D9\\u10D0 \\u10D3\\u10D0 \\u10DE\\u10E0\\u10DD\\u10EA\\u10D4\\u10D3\\u10E3\\u10E0\\u10D4\\u10D1\\u10D8\"},\"levels\":[{\"en\":\"There are no written administrative procedures.\"},{\"en\":\"Procedures exist for some areas but are unknown to most staff.\"},{\"en\":\"An operations manual covers travel, assets, records and IT, and staff are trained on it.\"},{\"en\":\"The manual is updated regularly and compliance is checked.\"}]},{\"code\":\"information-management\",\"name\":{\"en\":\"Records and information management\",\"ka\":\"\\u10E9\\u10D0\\u10DC\\u10D0\\u10EC\\u10D4\\u10E0\\u10D4\\u10D1\\u10D8\\u10E1\\u10D0 \\u10D3\\u10D0 \\u10D8\\u10DC\\u10E4\\u10DD\\u10E0\\u10DB\\u10D0\\u10EA\\u10D8\\u10D8\\u10E1 \\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D0\"},\"levels\":[{\"en\":\"Documents are kept on personal devices and are often lost.\"},{\"en\":\"Files are shared but unorganised and without backups.\"},{\"en\":\"Records are organised, backed up and access is controlled.\"},{\"en\":\"Records retention and personal-data rules are written down and applied.\"}]}]},{\"code\":\"human-resources\",\"name\":{\"en\":\"Human resources\",\"ka\":\"\\u10D0\\u10D3\\u10D0\\u10DB\\u10D8\\u10D0\\u10DC\\u10E3\\u10E0\\u10D8 \\u10E0\\u10D4\\u10E1\\u10E3\\u10E0\\u10E1\\u10D4\\u10D1\\u10D8\"},\"subAreas\":[{\"code\":\"staffing\",\"name\":{\"en\":\"Staffing and job descriptions\",\"ka\":\"\\u10D3\\u10D0\\u10D9\\u10DD\\u10DB\\u10DE\\u10DA\\u10D4\\u10E5\\u10E2\\u10D4\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10E1\\u10D0\\u10DB\\u10E3\\u10E8\\u10D0\\u10DD \\u10D0\\u10E6\\u10EC\\u10D4\\u10E0\\u10D8\\u10DA\\u10DD\\u10D1\\u10D4\\u10D1\\u10D8\"},\"levels\":[{\"en\":\"Roles are unclear and there are no job descriptions or contracts.\"},{\"en\":\"Some staff have contracts or job descriptions, but they do not match the work done.\"},{\"en\":\"Every position has a current job description and a written contract.\"},{\"en\":\"Staffing is planned against strategy and recruitment is open and fair.\"}]},{\"code\":\"performance-development\",\"name\":{\"en\":\"Performance and staff development\",\"ka\":\"\\u10E8\\u10D4\\u10E1\\u10E0\\u10E3\\u10DA\\u10D4\\u10D1\\u10D8\\u10E1 \\u10E8\\u10D4\\u10E4\\u10D0\\u10E1\\u10D4\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10D2\\u10D0\\u10DC\\u10D5\\u10D8\\u10D7\\u10D0\\u10E0\\u10D4\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Performance is never reviewed and there is no training.\"},{\"en\":\"Reviews or trainings happen occasionally, without a plan.\"},{\"en\":\"Annual reviews with development plans are held for all staff.\"},{\"en\":\"Learning is budgeted, linked to reviews and shared across the organisation.\"}]},{\"code\":\"hr-policies\",\"name\":{\"en\":\"Personnel policies\",\"ka\":\"\\u10DE\\u10D4\\u10E0\\u10E1\\u10DD\\u10DC\\u10D0\\u10DA\\u10D8\\u10E1 \\u10DE\\u10DD\\u10DA\\u10D8\\u10E2\\u10D8\\u10D9\\u10D0\"},\"levels\":[{\"en\":\"There is no personnel policy; leave and pay are decided case by case.\"},{\"en\":\"A policy exists but is outdated or not applied equally.\"},{\"en\":\"A personnel policy covering pay, leave, grievances and safeguarding is applied to all.\"},{\"en\":\"Policies include gender equality and non-discrimination and are reviewed with staff.\"}]}]},{\"code\":\"programme-management\",\"name\":{\"en\":\"Programme management\",\"ka\":\"\\u10DE\\u10E0\\u10DD\\u10D2\\u10E0\\u10D0\\u10DB\\u10D4\\u10D1\\u10D8\\u10E1 \\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D0\"},\"subAreas\":[{\"code\":\"design\",\"name\":{\"en\":\"Programme design\",\"ka\":\"\\u10DE\\u10E0\\u10DD\\u10D2\\u10E0\\u10D0\\u10DB\\u10D8\\u10E1 \\u10D3\\u10D8\\u10D6\\u10D0\\u10D8\\u10DC\\u10D8\"},\"levels\":[{\"en\":\"Activities are planned without analysing needs or intended results.\"},{\"en\":\"Needs are described, but the logic from activities to results is weak.\"},{\"en\":\"Programmes have a clear results logic, based on the needs of the people served.\"},{\"en\":\"Target groups take part in design, and designs use lessons from earlier work.\"}]},{\"code\":\"implementation\",\"name\":{\"en\":\"Implementation and work planning\",\"ka\":\"\\u10D2\\u10D0\\u10DC\\u10EE\\u10DD\\u10E0\\u10EA\\u10D8\\u10D4\\u10DA\\u10D4\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10E1\\u10D0\\u10DB\\u10E3\\u10E8\\u10D0\\u10DD \\u10D3\\u10D0\\u10D2\\u10D4\\u10D2\\u10DB\\u10D5\\u10D0\"},\"levels\":[{\"en\":\"There are no work plans; deadlines are regularly missed.\"},{\"en\":\"Work plans exist but are not followed or updated.\"},{\"en\":\"Work plans with responsibilities and timelines are followed and updated.\"},{\"en\":\"Implementation is adapted to evidence, and risks are managed actively.\"}]},{\"code\":\"stakeholders\",\"name\":{\"en\":\"Community and stakeholder engagement\",\"ka\":\"\\u10E1\\u10D0\\u10D6\\u10DD\\u10D2\\u10D0\\u10D3\\u10DD\\u10D4\\u10D1\\u10D8\\u10E1\\u10D0 \\u10D3\\u10D0 \\u10D3\\u10D0\\u10D8\\u10DC\\u10E2\\u10D4\\u10E0\\u10D4\\u10E1\\u10D4\\u10D1\\u10E3\\u10DA\\u10D8 \\u10DB\\u10EE\\u10D0\\u10E0\\u10D4\\u10D4\\u10D1\\u10D8\\u10E1 \\u10E9\\u10D0\\u10E0\\u10D7\\u10E3\\u10DA\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"The organisation works alone, with little contact with communities or the local government.\"},{\"en\":\"Contacts exist but are occasional and one-way.\"},{\"en\":\"Communities and the local government are consulted regularly.\"},{\"en\":\"The organisation works in lasting partnerships and feeds back to the people it serves.\"}]}]},{\"code\":\"performance-management\",\"name\":{\"en\":\"Project performance management (M\\u0026E)\",\"ka\":\"\\u10DE\\u10E0\\u10DD\\u10D4\\u10E5\\u10E2\\u10D8\\u10E1 \\u10E8\\u10D4\\u10D3\\u10D4\\u10D2\\u10D4\\u10D1\\u10D8\\u10E1 \\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D0 (\\u10DB\\u10DD\\u10DC\\u10D8\\u10E2\\u10DD\\u10E0\\u10D8\\u10DC\\u10D2\\u10D8 \\u10D3\\u10D0 \\u10E8\\u10D4\\u10E4\\u10D0\\u10E1\\u10D4\\u10D1\\u10D0)\"},\"subAreas\":[{\"code\":\"monitoring-system\",\"name\":{\"en\":\"Monitoring system\",\"ka\":\"\\u10DB\\u10DD\\u10DC\\u10D8\\u10E2\\u10DD\\u10E0\\u10D8\\u10DC\\u10D2\\u10D8\\u10E1 \\u10E1\\u10D8\\u10E1\\u10E2\\u10D4\\u10DB\\u10D0\"},\"levels\":[{\"en\":\"No indicators are defined and no data is collected.\"},{\"en\":\"Activities are counted, but there are no result indicators or baselines.\"},{\"en\":\"Indicators with baselines and targets are tracked with reliable tools.\"},{\"en\":\"Data is disaggregated (gender, age, municipality), checked for quality and reviewed regularly.\"}]},{\"code\":\"learning\",\"name\":{\"en\":\"Evaluation and learning\",\"ka\":\"\\u10E8\\u10D4\\u10E4\\u10D0\\u10E1\\u10D4\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10E1\\u10EC\\u10D0\\u10D5\\u10DA\\u10D4\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Results are never analysed or discussed.\"},{\"en\":\"Reports are written for donors but not used internally.\"},{\"en\":\"Findings are discussed by staff and lead to changes in programmes.\"},{\"en\":\"Evaluations are planned, independent where needed, and lessons are published.\"}]}]},{\"code\":\"sustainability\",\"name\":{\"en\":\"Organisational management and sustainability\",\"ka\":\"\\u10DD\\u10E0\\u10D2\\u10D0\\u10DC\\u10D8\\u10D6\\u10D0\\u10EA\\u10D8\\u10E3\\u10DA\\u10D8 \\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D0 \\u10D3\\u10D0 \\u10DB\\u10D3\\u10D2\\u10E0\\u10D0\\u10D3\\u10DD\\u10D1\\u10D0\"},\"subAreas\":[{\"code\":\"strategic-planning\",\"name\":{\"en\":\"Strategic planning\",\"ka\":\"\\u10E1\\u10E2\\u10E0\\u10D0\\u10E2\\u10D4\\u10D2\\u10D8\\u10E3\\u10DA\\u10D8 \\u10D3\\u10D0\\u10D2\\u10D4\\u10D2\\u10DB\\u10D5\\u10D0\"},\"levels\":[{\"en\":\"There is no strategic plan.\"},{\"en\":\"A plan exists but is outdated or not used.\"},{\"en\":\"A current strategic plan guides annual plans and budgets.\"},{\"en\":\"The strategy is reviewed against results and the environment, with staff and board.\"}]},{\"code\":\"resource-diversification\",\"name\":{\"en\":\"Resource diversification\",\"ka\":\"\\u10E0\\u10D4\\u10E1\\u10E3\\u10E0\\u10E1\\u10D4\\u10D1\\u10D8\\u10E1 \\u10D3\\u10D8\\u10D5\\u10D4\\u10E0\\u10E1\\u10D8\\u10E4\\u10D8\\u10D9\\u10D0\\u10EA\\u10D8\\u10D0\"},\"levels\":[{\"en\":\"The organisation depends on one donor or project.\"},{\"en\":\"There are a few funders, but no fundraising plan.\"},{\"en\":\"A fundraising plan is followed and no funder provides most of the income.\"},{\"en\":\"Income includes local sources (the municipality, businesses, members, services) and reserves.\"}]},{\"code\":\"communication\",\"name\":{\"en\":\"Communication and visibility\",\"ka\":\"\\u10D9\\u10DD\\u10DB\\u10E3\\u10DC\\u10D8\\u10D9\\u10D0\\u10EA\\u10D8\\u10D0 \\u10D3\\u10D0 \\u10EE\\u10D8\\u10DA\\u10D5\\u10D0\\u10D3\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"The organisation is hardly known outside its own circle.\"},{\"en\":\"It communicates occasionally, without a plan or a consistent message.\"},{\"en\":\"A communication plan is followed, in the languages of the communities served.\"},{\"en\":\"The organisation is a recognised voice locally and reports publicly on its results.\"}]}]}]", "{\"en\":\"Organisational capacity assessment of CSOs\",\"ka\":\"\\u10E1\\u10D0\\u10DB\\u10DD\\u10E5\\u10D0\\u10DA\\u10D0\\u10E5\\u10DD \\u10E1\\u10D0\\u10D6\\u10DD\\u10D2\\u10D0\\u10D3\\u10DD\\u10D4\\u10D1\\u10D8\\u10E1 \\u10DD\\u10E0\\u10D2\\u10D0\\u10DC\\u10D8\\u10D6\\u10D0\\u10EA\\u10D8\\u10D4\\u10D1\\u10D8\\u10E1 \\u10DD\\u10E0\\u10D2\\u10D0\\u10DC\\u10D8\\u10D6\\u10D0\\u10EA\\u10D8\\u10E3\\u10DA\\u10D8 \\u10E8\\u10D4\\u10E1\\u10D0\\u10EB\\u10DA\\u10D4\\u10D1\\u10DA\\u10DD\\u10D1\\u10D4\\u10D1\\u10D8\\u10E1 \\u10E8\\u10D4\\u10E4\\u10D0\\u10E1\\u10D4\\u10D1\\u10D0\"}", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 1 },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "hrba-lsg", "[{\"code\":\"participation\",\"name\":{\"en\":\"Participation\",\"ka\":\"\\u10DB\\u10DD\\u10DC\\u10D0\\u10EC\\u10D8\\u10DA\\u10D4\\u10DD\\u10D1\\u10D0\"},\"subAreas\":[{\"code\":\"consultation\",\"name\":{\"en\":\"Consultation on social services\",\"ka\":\"\\u10D9\\u10DD\\u10DC\\u10E1\\u10E3\\u10DA\\u10E2\\u10D0\\u10EA\\u10D8\\u10D0 \\u10E1\\u10DD\\u10EA\\u10D8\\u10D0\\u10DA\\u10E3\\u10E0 \\u10E1\\u10D4\\u10E0\\u10D5\\u10D8\\u10E1\\u10D4\\u10D1\\u10D6\\u10D4\"},\"levels\":[{\"en\":\"Residents are not consulted on social services.\"},{\"en\":\"Consultation happens only when the law requires it, with short notice.\"},{\"en\":\"Residents and CSOs are consulted before programmes are adopted, with time to respond.\"},{\"en\":\"Residents co-design services, and the municipality reports back on what it did with their input.\"}]},{\"code\":\"inclusion-in-decisions\",\"name\":{\"en\":\"Inclusion in decisions\",\"ka\":\"\\u10D2\\u10D0\\u10D3\\u10D0\\u10EC\\u10E7\\u10D5\\u10D4\\u10E2\\u10D8\\u10DA\\u10D4\\u10D1\\u10D4\\u10D1\\u10E8\\u10D8 \\u10E9\\u10D0\\u10E0\\u10D7\\u10E3\\u10DA\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Service users have no way to take part in decisions.\"},{\"en\":\"Some groups are invited, but women, youth and minorities rarely take part.\"},{\"en\":\"Meetings are held in accessible places and in the languages residents speak.\"},{\"en\":\"Under-represented groups take part regularly and their proposals are adopted.\"}]}]},{\"code\":\"non-discrimination\",\"name\":{\"en\":\"Non-discrimination\",\"ka\":\"\\u10D0\\u10E0\\u10D0\\u10D3\\u10D8\\u10E1\\u10D9\\u10E0\\u10D8\\u10DB\\u10D8\\u10DC\\u10D0\\u10EA\\u10D8\\u10D0\"},\"subAreas\":[{\"code\":\"equal-access\",\"name\":{\"en\":\"Equal treatment\",\"ka\":\"\\u10D7\\u10D0\\u10DC\\u10D0\\u10D1\\u10D0\\u10E0\\u10D8 \\u10DB\\u10DD\\u10DE\\u10E7\\u10E0\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Eligibility rules or practice exclude some groups.\"},{\"en\":\"Rules are neutral, but nobody checks who is left out.\"},{\"en\":\"Use of services is monitored by gender, age, language and disability.\"},{\"en\":\"Gaps found are closed with targeted measures, and staff are trained on non-discrimination.\"}]},{\"code\":\"language-access\",\"name\":{\"en\":\"Language and information access\",\"ka\":\"\\u10D4\\u10DC\\u10DD\\u10D1\\u10E0\\u10D8\\u10D5\\u10D8 \\u10D3\\u10D0 \\u10D8\\u10DC\\u10E4\\u10DD\\u10E0\\u10DB\\u10D0\\u10EA\\u10D8\\u10E3\\u10DA\\u10D8 \\u10EE\\u10D4\\u10DA\\u10DB\\u10D8\\u10E1\\u10D0\\u10EC\\u10D5\\u10D3\\u10DD\\u10DB\\u10DD\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"Information on services is only in Georgian and hard to find.\"},{\"en\":\"Some information exists in minority languages, but it is incomplete.\"},{\"en\":\"Information on services is available in Georgian, Azerbaijani and Armenian where needed.\"},{\"en\":\"Interpretation is available at service points and materials are tested with users.\"}]}]},{\"code\":\"accountability\",\"name\":{\"en\":\"Accountability\",\"ka\":\"\\u10D0\\u10DC\\u10D2\\u10D0\\u10E0\\u10D8\\u10E8\\u10D5\\u10D0\\u10DA\\u10D3\\u10D4\\u10D1\\u10E3\\u10DA\\u10D4\\u10D1\\u10D0\"},\"subAreas\":[{\"code\":\"complaints\",\"name\":{\"en\":\"Complaints and redress\",\"ka\":\"\\u10E1\\u10D0\\u10E9\\u10D8\\u10D5\\u10E0\\u10D4\\u10D1\\u10D8 \\u10D3\\u10D0 \\u10D0\\u10E6\\u10D3\\u10D2\\u10D4\\u10DC\\u10D0\"},\"levels\":[{\"en\":\"There is no way to complain about a service.\"},{\"en\":\"Complaints can be made, but they are not recorded or answered.\"},{\"en\":\"Complaints are recorded, answered within a deadline and summarised.\"},{\"en\":\"Complaints lead to documented improvements, reported to the council and residents.\"}]},{\"code\":\"reporting\",\"name\":{\"en\":\"Reporting on results\",\"ka\":\"\\u10E8\\u10D4\\u10D3\\u10D4\\u10D2\\u10D4\\u10D1\\u10D8\\u10E1 \\u10D0\\u10DC\\u10D2\\u10D0\\u10E0\\u10D8\\u10E8\\u10D2\\u10D4\\u10D1\\u10D0\"},\"levels\":[{\"en\":\"The municipality does not report on social services.\"},{\"en\":\"Spending is reported, but not what it achieved.\"},{\"en\":\"Results of social programmes are reported to the council every year.\"},{\"en\":\"Reports are discussed publicly and lead to changes in the following year\\u0027s programmes.\"}]}]},{\"code\":\"transparency\",\"name\":{\"en\":\"Transparency\",\"ka\":\"\\u10D2\\u10D0\\u10DB\\u10ED\\u10D5\\u10D8\\u10E0\\u10D5\\u10D0\\u10DA\\u10DD\\u10D1\\u10D0\"},\"subAreas\":[{\"code\":\"budget-information\",\"name\":{\"en\":\"Budget information\",\"ka\":\"\\u10E1\\u10D0\\u10D1\\u10D8\\u10E3\\u10EF\\u10D4\\u10E2\\u10DD \\u10D8\\u10DC\\u10E4\\u10DD\\u10E0\\u10DB\\u10D0\\u10EA\\u10D8\\u10D0\"},\"levels\":[{\"en\":\"Social programme budgets are not published.\"},{\"en\":\"Budgets are published, but in a form residents cannot use.\"},{\"en\":\"Budgets and spending by programme are published on time in plain language.\"},{\"en\":\"Citizen budgets are published and explained at public meetings.\"}]},{\"code\":\"criteria-and-decisions\",\"name\":{\"en\":\"Criteria and decisions\",\"ka\":\"\\u10D9\\u10E0\\u10D8\\u10E2\\u10D4\\u10E0\\u10D8\\u10E3\\u10DB\\u10D4\\u10D1\\u10D8 \\u10D3\\u10D0 \\u10D2\\u10D0\\u10D3\\u10D0\\u10EC\\u10E7\\u10D5\\u10D4\\u10E2\\u10D8\\u10DA\\u10D4\\u10D1\\u10D4\\u10D1\\u10D8\"},\"levels\":[{\"en\":\"Eligibility criteria and decisions are not public.\"},{\"en\":\"Criteria are published, but decisions are not explained.\"},{\"en\":\"Criteria are public and applicants receive reasons for decisions.\"},{\"en\":\"Decisions are open to appeal and anonymised statistics are published.\"}]}]},{\"code\":\"access-to-services\",\"name\":{\"en\":\"Access to services\",\"ka\":\"\\u10E1\\u10D4\\u10E0\\u10D5\\u10D8\\u10E1\\u10D4\\u10D1\\u10D6\\u10D4 \\u10EE\\u10D4\\u10DA\\u10DB\\u10D8\\u10E1\\u10D0\\u10EC\\u10D5\\u10D3\\u10DD\\u10DB\\u10DD\\u10D1\\u10D0\"},\"subAreas\":[{\"code\":\"availability\",\"name\":{\"en\":\"Availability and reach\",\"ka\":\"\\u10EE\\u10D4\\u10DA\\u10DB\\u10D8\\u10E1\\u10D0\\u10EC\\u10D5\\u10D3\\u10DD\\u10DB\\u10DD\\u10D1\\u10D0 \\u10D3\\u10D0 \\u10D3\\u10D0\\u10E4\\u10D0\\u10E0\\u10D5\\u10D0\"},\"levels\":[{\"en\":\"Services exist only in the municipal centre.\"},{\"en\":\"Some services reach villages, irregularly.\"},{\"en\":\"Services are planned to reach every community, with mobile or outreach options.\"},{\"en\":\"Reach is measured and gaps are closed in the following year\\u0027s plan and budget.\"}]},{\"code\":\"quality\",\"name\":{\"en\":\"Quality of services\",\"ka\":\"\\u10E1\\u10D4\\u10E0\\u10D5\\u10D8\\u10E1\\u10D4\\u10D1\\u10D8\\u10E1 \\u10EE\\u10D0\\u10E0\\u10D8\\u10E1\\u10EE\\u10D8\"},\"levels\":[{\"en\":\"There are no service standards.\"},{\"en\":\"Standards exist on paper but are not monitored.\"},{\"en\":\"Standards are monitored and users are asked about their satisfaction.\"},{\"en\":\"Quality is improved with users and providers, and results are published.\"}]}]}]", "{\"en\":\"Human-rights-based approach to social services: local self-government\",\"ka\":\"\\u10D0\\u10D3\\u10D0\\u10DB\\u10D8\\u10D0\\u10DC\\u10D8\\u10E1 \\u10E3\\u10E4\\u10DA\\u10D4\\u10D1\\u10D4\\u10D1\\u10D6\\u10D4 \\u10D3\\u10D0\\u10E4\\u10E3\\u10EB\\u10DC\\u10D4\\u10D1\\u10E3\\u10DA\\u10D8 \\u10DB\\u10D8\\u10D3\\u10D2\\u10DD\\u10DB\\u10D0 \\u10E1\\u10DD\\u10EA\\u10D8\\u10D0\\u10DA\\u10E3\\u10E0 \\u10E1\\u10D4\\u10E0\\u10D5\\u10D8\\u10E1\\u10D4\\u10D1\\u10E8\\u10D8: \\u10D0\\u10D3\\u10D2\\u10D8\\u10DA\\u10DD\\u10D1\\u10E0\\u10D8\\u10D5\\u10D8 \\u10D7\\u10D5\\u10D8\\u10D7\\u10DB\\u10DB\\u10D0\\u10E0\\u10D7\\u10D5\\u10D4\\u10DA\\u10DD\\u10D1\\u10D0\"}", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 1 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_mentored_organization_id",
                table: "activities",
                column: "mentored_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_municipality_status",
                table: "activities",
                columns: new[] { "municipality", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_participants_participant_id",
                table: "activity_participants",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_sessions_activity_id",
                table: "activity_sessions",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_instrument_id",
                table: "assessments",
                column: "instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_municipality_status",
                table: "assessments",
                columns: new[] { "municipality", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_organization_id_instrument_code_kind",
                table: "assessments",
                columns: new[] { "organization_id", "instrument_code", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_assessment_id",
                table: "improvement_actions",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_organization_id_status",
                table: "improvement_actions",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_status_due_on",
                table: "improvement_actions",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_instruments_code_version",
                table: "instruments",
                columns: new[] { "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_organization_id",
                table: "participants",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_participants");

            migrationBuilder.DropTable(
                name: "activity_sessions");

            migrationBuilder.DropTable(
                name: "improvement_actions");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "instruments");
        }
    }
}
