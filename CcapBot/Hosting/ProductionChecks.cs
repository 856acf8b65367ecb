using CcapBot.Persistence;
using CcapBot.Protocol.Auth;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CcapBot.Hosting;

/// <summary>
/// What the service refuses outside Development. The conveniences that let a laptop run with no
/// configuration (anonymous requests, a SQLite file next to the app) must never carry a real
/// deployment silently. Each failure names the setting and how to set it. The rules that hold in
/// every environment (app id format, tenant, password per app type, connection string syntax) live
/// on the options classes themselves.
/// </summary>
internal sealed class ProductionChecks(IHostEnvironment environment, IConfiguration configuration)
    : IValidateOptions<BotAuthOptions>, IValidateOptions<DatabaseOptions>
{
    private const string Guide = "See deployment/README.md, \"Settings\".";

    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        if (environment.IsDevelopment() || options.AuthenticationEnabled) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"Bot:AppId is required in the {environment.EnvironmentName} environment. Without it CcapBot accepts unauthenticated requests, " +
            $"which is only for local development (ASPNETCORE_ENVIRONMENT=Development). Set Bot__AppId, Bot__AppType and Bot__TenantId to the Azure Bot's identity. {Guide}");
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Success;

        // The App_Data SQLite file is the development fallback. A deployment names its database explicitly,
        // which also makes SQLite in production a deliberate choice (one instance only).
        var configured = configuration.GetConnectionString("CcapBot") ?? configuration[$"{DatabaseOptions.SectionName}:ConnectionString"];
        if (string.IsNullOrWhiteSpace(configured))
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:CcapBot is required in the {environment.EnvironmentName} environment: the Azure SQL connection string with Database:Provider=SqlServer, " +
                $"or, for a single-instance SQLite deployment, an explicit \"Data Source=<path>\" (the App_Data default is for local development only). {Guide}");

        if (options.Provider != DatabaseProvider.SqlServer || ParseSqlServer(options.ConnectionString) is not { } sql)
            return ValidateOptionsResult.Success;

        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(sql.DataSource))
            failures.Add($"ConnectionStrings:CcapBot names no server (Server=tcp:<server>.database.windows.net,1433). {Guide}");
        if (string.IsNullOrWhiteSpace(sql.InitialCatalog))
            failures.Add($"ConnectionStrings:CcapBot names no database (Database=<name>), so CcapBot would use the login's default database. {Guide}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A malformed string is reported by DatabaseOptions itself, with the parser's reason.
    private static SqlConnectionStringBuilder? ParseSqlServer(string? connectionString)
    {
        try
        {
            return new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}

public static class ProductionCheckExtensions
{
    /// <summary>Start-up refuses, outside Development, what only a developer's machine may leave unset.</summary>
    public static IHostApplicationBuilder AddProductionChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthOptions>, ProductionChecks>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, ProductionChecks>());
        return builder;
    }
}
