using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.Auth;

/// <summary>
/// The bot's own bearer token for Microsoft's Connector (bot-protocol.md §3.1): client credentials for single- and
/// multi-tenant bots, the App Service managed identity endpoint for user-assigned MSI. One token serves every
/// serviceUrl, cached until shortly before it expires; no token at all when no app id is configured.
/// </summary>
public sealed partial class BotConnectorTokenSource(
    IHttpClientFactory httpFactory,
    IOptions<BotAuthOptions> options,
    TimeProvider clock,
    ILogger<BotConnectorTokenSource> log) : IConnectorTokenSource, IDisposable
{
    public const string HttpClientName = "CcapBot.Auth.BotToken";
    /// <summary>Renew this long before expiry, so a token never expires between being attached and being checked.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private const string ManagedIdentityApiVersion = "2019-08-01";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _token;

    public bool CanServe(Uri serviceUrl) => true;

    public async ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.AuthenticationEnabled) return null;
        if (Fresh(_token) is { } cached) return cached;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Callers that queued behind a refresh take its result instead of asking again.
            if (Fresh(_token) is { } refreshed) return refreshed;
            var response = settings.AppType == BotAppType.UserAssignedMSI
                ? await RequestManagedIdentityTokenAsync(settings, cancellationToken)
                : await RequestClientCredentialsTokenAsync(settings, cancellationToken);
            var token = ToCachedToken(response);
            _token = token;
            LogTokenAcquired(log, settings.AppType, token.ExpiresAt);
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh(CachedToken? token) => token is not null && clock.GetUtcNow() < token.RenewAt ? token.Value : null;

    private async Task<TokenResponse> RequestClientCredentialsTokenAsync(BotAuthOptions settings, CancellationToken cancellationToken)
    {
        // Single-tenant apps must ask their own tenant: asking botframework.com gives AADSTS700016.
        var tenant = settings.AppType == BotAppType.SingleTenant ? settings.TenantId : settings.MultiTenantAuthorityTenant;
        var url = new Uri($"{settings.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(tenant ?? "")}/oauth2/v2.0/token", UriKind.Absolute);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId ?? "",
            ["client_secret"] = settings.AppPassword ?? "",
            ["scope"] = settings.OAuthScope,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>App Service / Functions identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER, api-version 2019-08-01).</summary>
    private async Task<TokenResponse> RequestManagedIdentityTokenAsync(BotAuthOptions settings, CancellationToken cancellationToken)
    {
        var endpoint = settings.ManagedIdentityEndpoint is { Length: > 0 } configured ? configured : Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
            throw new HttpRequestException("Bot:AppType is UserAssignedMSI but no managed identity endpoint is available (IDENTITY_ENDPOINT is not set; run on App Service with the identity assigned, or set Bot:ManagedIdentityEndpoint).");

        // The MSI protocol names a resource, not a scope: "https://api.botframework.com/.default" → "https://api.botframework.com".
        var resource = settings.OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? settings.OAuthScope[..^"/.default".Length] : settings.OAuthScope;
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = new Uri($"{endpoint}{separator}api-version={ManagedIdentityApiVersion}&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(settings.ManagedIdentityClientId ?? "")}", UriKind.Absolute);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (Environment.GetEnvironmentVariable("IDENTITY_HEADER") is { Length: > 0 } secret) request.Headers.Add("X-IDENTITY-HEADER", secret);
        return await SendAsync(request, cancellationToken);
    }

    private async Task<TokenResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The error code (e.g. invalid_client, AADSTS7000215) tells an operator what to fix; the body holds no secret.
            var error = await ReadErrorAsync(response, cancellationToken);
            LogTokenFailed(log, (int)response.StatusCode, error);
            throw new HttpRequestException($"The bot's token request to {request.RequestUri?.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {error}".TrimEnd(), null, response.StatusCode);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenResponse, cancellationToken)
                   ?? throw new HttpRequestException("The token endpoint answered an empty body.");
        }
        catch (JsonException e)
        {
            throw new HttpRequestException("The token endpoint answered something that is not a token response.", e);
        }
    }

    private CachedToken ToCachedToken(TokenResponse response)
    {
        if (string.IsNullOrEmpty(response.AccessToken)) throw new HttpRequestException("The token endpoint answered without an access_token.");
        var now = clock.GetUtcNow();
        // Entra answers expires_in (seconds, a number); the MSI endpoint answers expires_on (Unix seconds, a string).
        var expiresAt = ReadSeconds(response.ExpiresIn) is { } seconds ? now.AddSeconds(seconds)
            : ReadSeconds(response.ExpiresOn) is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : now.AddMinutes(10);
        var lifetime = expiresAt - now;
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return new CachedToken(response.AccessToken, expiresAt, expiresAt - margin);
    }

    private static long? ReadSeconds(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenError, cancellationToken);
            var code = error?.ErrorCodes is { Length: > 0 } codes ? $"AADSTS{codes[0]}" : null;
            return string.Join(' ', new[] { error?.Error, code }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return "";
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RenewAt);

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Acquired the bot's Connector token ({AppType}), valid until {ExpiresAt}")]
    private static partial void LogTokenAcquired(ILogger logger, BotAppType appType, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Error, Message = "The bot's Connector token request failed with {Status} {Error}")]
    private static partial void LogTokenFailed(ILogger logger, int status, string error);
}

internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("expires_in")] public JsonElement? ExpiresIn { get; init; }
    [JsonPropertyName("expires_on")] public JsonElement? ExpiresOn { get; init; }
}

internal sealed record TokenError
{
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_codes")] public long[]? ErrorCodes { get; init; }
}

[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
