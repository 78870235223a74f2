using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Grants.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompletedAssessmentRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "completed_assessments",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revision",
                table: "completed_assessments");
        }
    }
}
