using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Persistence;

public sealed class SqlServerMessagingDbContext(DbContextOptions<SqlServerMessagingDbContext> options)
    : MessagingDbContext(options);
