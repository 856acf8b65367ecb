using System.ComponentModel.DataAnnotations;

namespace CcapBot.Persistence;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default) or SqlServer (production, Azure SQL).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// From ConnectionStrings:CcapBot. Empty with Sqlite = a file in the app's data folder.
    /// Never put a SQL Server password in appsettings: use an environment variable, user-secrets or Key Vault.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up. Default: on for Sqlite, off for SqlServer (the deployment applies the script).</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("ConnectionStrings:CcapBot is required when Database:Provider is SqlServer.", [nameof(ConnectionString)]);
        if (string.IsNullOrWhiteSpace(ConnectionString)) yield break;
        string? error = null;
        try
        {
            _ = Provider == DatabaseProvider.SqlServer
                ? new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString).DataSource
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            error = e.Message;
        }
        if (error is not null)
            yield return new ValidationResult($"ConnectionStrings:CcapBot is not a valid {Provider} connection string: {error}", [nameof(ConnectionString)]);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
