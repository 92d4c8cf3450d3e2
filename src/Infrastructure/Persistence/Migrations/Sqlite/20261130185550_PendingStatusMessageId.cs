using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Messaging.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingStatusMessageId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MessageId",
                table: "PendingStatusUpdates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PendingStatusUpdates_MessageId",
                table: "PendingStatusUpdates",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PendingStatusUpdates_MessageId",
                table: "PendingStatusUpdates");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "PendingStatusUpdates");
        }
    }
}
