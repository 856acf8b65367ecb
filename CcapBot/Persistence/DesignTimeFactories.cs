using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CcapBot.Persistence;

// Used by `dotnet ef` only: migrations are generated without starting the app or reaching a server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCcapDbContext>
{
    public SqliteCcapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCcapDbContext>
{
    public SqlServerCcapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCcapDbContext>().UseSqlServer("Server=design-time;Database=CcapBot").Options);
}
