using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CcapBot.Features.Access;
using CcapBot.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Results;

/// <summary>
/// <c>GET /api/results/export?format=json|csv</c>: the consented results, for coordinators only. No credentials or
/// bad ones: 401 (with <c>WWW-Authenticate</c>); valid but not (or no longer) a coordinator: 403; an unknown
/// format: 400. Nothing is written but the audit entry of a successful export.
/// </summary>
public static partial class ResultsExportEndpoint
{
    public const string Path = "/api/results/export";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapResultsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, CcapDbContext db, ActorResolver actors, ExportLinks links,
        IOptions<ResultsExportOptions> options, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger(typeof(ResultsExportEndpoint).FullName!);
        var now = clock.GetUtcNow();
        ExportIdentity? identity;
        if (http.Request.Headers.TryGetValue(ApiKeyHeader, out var key))
            identity = FromKey(key.ToString(), options.Value);
        else if (http.Request.Query.TryGetValue("token", out var token))
            identity = links.Read(token.ToString(), now);
        else
            identity = null;
        if (identity is null)
        {
            LogUnauthenticated(log);
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyHeader}\"";
            return TypedResults.Unauthorized();
        }
        if (!await actors.IsCoordinatorAsync(identity.UserId, identity.AadObjectId, cancellationToken))
        {
            LogForbidden(log);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var format = http.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        if (format is not ("json" or "csv")) return TypedResults.BadRequest("format must be json or csv");

        var results = await ResultsExport.ConsentedAsync(db, cancellationToken);
        Audit.Record(db, new Actor("api", identity.UserId, identity.AadObjectId, null, true, null), now, "results.export", "PartnershipResult", "*");
        await db.SaveChangesAsync(cancellationToken);
        LogExported(log, results.Count, format);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"c3-results-{stamp}.{format}\"";
        http.Response.Headers.CacheControl = "no-store";
        return format == "csv"
            ? TypedResults.Text(ResultsExport.Csv(results), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Text(ResultsExport.Json(results), "application/json; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The identity a configured key acts as; every hash is compared in fixed time.</summary>
    private static ExportIdentity? FromKey(string key, ResultsExportOptions options)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        ExportIdentity? found = null;
        foreach (var configured in options.Keys)
        {
            byte[] expected;
            try
            {
                expected = Convert.FromHexString(configured.Sha256);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(hash, expected)) found ??= new ExportIdentity(configured.Identity.Trim(), configured.Identity.Trim());
        }
        return found;
    }

    [LoggerMessage(EventId = 7260, Level = LogLevel.Warning, Message = "Results export refused: no valid key or link (401)")]
    private static partial void LogUnauthenticated(ILogger logger);

    [LoggerMessage(EventId = 7261, Level = LogLevel.Warning, Message = "Results export refused: the identity is not a coordinator (403)")]
    private static partial void LogForbidden(ILogger logger);

    [LoggerMessage(EventId = 7262, Level = LogLevel.Information, Message = "Results exported: {Count} consented result(s) as {Format}")]
    private static partial void LogExported(ILogger logger, int count, string format);
}

/// <summary>Who an export is for: a channel user id and, for Teams, the aadObjectId.</summary>
public sealed record ExportIdentity(string UserId, string? AadObjectId);

/// <summary>
/// Download links handed out in chat: the coordinator's identity and an expiry, protected with ASP.NET Core Data
/// Protection (instances behind one app share the key ring; on App Service it is kept in the shared %HOME%).
/// </summary>
public sealed class ExportLinks(IDataProtectionProvider protection, IOptions<ResultsExportOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CcapBot.Results.Export.v1");

    public string Create(ExportIdentity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var expires = (now + options.Value.LinkLifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        return _protector.Protect($"{expires}\n{identity.UserId}\n{identity.AadObjectId}");
    }

    public ExportIdentity? Read(string token, DateTimeOffset now)
    {
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('\n');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || now.UtcTicks > expires) return null;
        return new ExportIdentity(parts[1], parts[2].Length > 0 ? parts[2] : null);
    }
}
