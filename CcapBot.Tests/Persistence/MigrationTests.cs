using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CcapBot.Tests.Persistence;

/// <summary>The migration sets and the production script keep up with the model. No database is opened.</summary>
public sealed class MigrationTests
{
    private const string ScriptPath = "deployment/sql/ccapbot.sql";

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteCcapDbContext(new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), Lagging(nameof(SqliteCcapDbContext), "Sqlite"));
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new OfflineSqlServer().CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), Lagging(nameof(SqlServerCcapDbContext), "SqlServer"));
    }

    [Fact]
    public void ProductionScript_IsTheIdempotentScriptOfTheSqlServerMigrations()
    {
        using var db = new OfflineSqlServer().CreateContext();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), ScriptPath));

        Assert.True(Normalize(expected) == Normalize(committed),
            $"{ScriptPath} is not the script of the current SQL Server migrations. Regenerate it with deployment/sql/generate.sh " +
            "(dotnet ef migrations script --idempotent --project CcapBot --context SqlServerCcapDbContext --output deployment/sql/ccapbot.sql) and commit it.");
        Assert.Contains("IF NOT EXISTS", committed, StringComparison.Ordinal);
    }

    private static string Lagging(string context, string folder) =>
        $"The model has changes that no {context} migration captures. Add one: dotnet ef migrations add <Name> --project CcapBot " +
        $"--context {context} --output-dir Persistence/Migrations/{folder} (and to the other provider's set, then regenerate {ScriptPath}).";

    private static string Normalize(string script) => script.ReplaceLineEndings("\n").Trim();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CcapBot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No CcapBot.sln above {AppContext.BaseDirectory}.");
    }
}
