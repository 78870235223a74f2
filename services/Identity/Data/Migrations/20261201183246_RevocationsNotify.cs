using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Identity.Data.Migrations
{
    /// <summary>
    /// A committed revocation notifies every replica of the token server (RevocationListener): once per statement,
    /// delivered by PostgreSQL only on commit.
    /// </summary>
    public partial class RevocationsNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION identity_revocations_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('revocations', '');
                    RETURN NULL;
                END $$;
                CREATE OR REPLACE TRIGGER revocations_notify AFTER INSERT ON revocations
                    FOR EACH STATEMENT EXECUTE FUNCTION identity_revocations_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS revocations_notify ON revocations;
                DROP FUNCTION IF EXISTS identity_revocations_notify();
                """);
        }
    }
}
