using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Messaging.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Contact = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProfileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastMessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastInboundAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Contact);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_LastActivityAt_Contact",
                table: "Conversations",
                columns: new[] { "LastActivityAt", "Contact" },
                descending: new bool[0]);

            // Databases that already hold messages get their conversations, computed as the upsert would have.
            migrationBuilder.Sql("""
                INSERT INTO "Conversations" ("Contact", "ProfileName", "LastMessageId", "LastActivityAt", "MessageCount", "LastInboundAt")
                SELECT "g"."Contact",
                       (SELECT "p"."ProfileName" FROM "Messages" AS "p"
                        WHERE "p"."Contact" = "g"."Contact" AND "p"."Direction" = 'Inbound' AND "p"."ProfileName" IS NOT NULL
                        ORDER BY "p"."CreatedAt" DESC, "p"."Id" DESC LIMIT 1),
                       (SELECT "l"."Id" FROM "Messages" AS "l"
                        WHERE "l"."Contact" = "g"."Contact"
                        ORDER BY "l"."CreatedAt" DESC, "l"."Id" DESC LIMIT 1),
                       "g"."LastActivityAt",
                       "g"."MessageCount",
                       "g"."LastInboundAt"
                FROM (
                    SELECT "Contact",
                           MAX("CreatedAt") AS "LastActivityAt",
                           COUNT(*) AS "MessageCount",
                           MAX(CASE WHEN "Direction" = 'Inbound' THEN "CreatedAt" END) AS "LastInboundAt"
                    FROM "Messages"
                    GROUP BY "Contact"
                ) AS "g";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Conversations");
        }
    }
}
