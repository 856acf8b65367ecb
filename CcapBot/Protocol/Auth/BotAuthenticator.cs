using CcapBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CcapBot.Protocol.Auth;

/// <summary>
/// Validates the bearer token on <c>POST /api/messages</c> the way the Bot Framework SDK does
/// (ParameterizedBotFrameworkAuthentication): tokens from the Emulator or Entra issuers take the Emulator path,
/// everything else the channel path. See bot-protocol.md §2.
/// </summary>
public sealed partial class BotAuthenticator(
    IOptions<BotAuthOptions> options,
    SigningKeyCache keys,
    TimeProvider clock,
    ILogger<BotAuthenticator> log) : IRequestAuthenticator
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return settings.AuthenticationEnabled ? Refuse("no Authorization header") : AuthenticationResult.Anonymous;
        // Without an app id there is nothing a token could be issued to (the SDK refuses it the same way).
        if (!settings.AuthenticationEnabled) return Refuse("a token was sent but Bot:AppId is not configured");

        if (!TryReadBearer(authorizationHeader, out var raw)) return Refuse("Authorization is not a Bearer token");
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return Refuse("malformed token");
        }

        var entraIssuers = EntraIssuers(settings);
        return entraIssuers.Contains(token.Issuer, StringComparer.Ordinal)
            ? await ValidateEntraTokenAsync(raw, token, activity, entraIssuers, settings, cancellationToken)
            : await ValidateChannelTokenAsync(raw, token, activity, settings, cancellationToken);
    }

    /// <summary>Azure Bot Service channels (Teams, Web Chat, Direct Line): bot-protocol.md §2.1.</summary>
    private async Task<AuthenticationResult> ValidateChannelTokenAsync(string raw, JsonWebToken token, Activity activity, BotAuthOptions settings, CancellationToken cancellationToken)
    {
        var (identity, key, failure) = await ValidateAsync(raw, token, settings.ChannelOpenIdMetadataUrl, [settings.ChannelIssuer], settings.AppId, cancellationToken);
        if (identity is null || key is null) return Refuse(failure ?? "invalid token", token);

        // Stricter than the SDK, which skips the check when a key carries no endorsements: channel keys always do.
        if (!IsEndorsed(activity.ChannelId, key.Endorsements ?? []))
            return Refuse($"signing key is not endorsed for channel '{activity.ChannelId}'", token);

        if (!token.TryGetPayloadValue<string>("serviceurl", out var serviceUrlClaim) || string.IsNullOrWhiteSpace(serviceUrlClaim))
            return Refuse("missing serviceurl claim", token);
        if (!string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return Refuse("serviceurl claim does not match the activity's serviceUrl", token);

        return new AuthenticationResult(identity, null);
    }

    /// <summary>The Emulator and single-tenant Entra tokens, signed with the bot's own credentials: bot-protocol.md §2.2.</summary>
    private async Task<AuthenticationResult> ValidateEntraTokenAsync(string raw, JsonWebToken token, Activity activity, IReadOnlyList<string> issuers, BotAuthOptions settings, CancellationToken cancellationToken)
    {
        // As the SDK: the audience is not checked here; the app id the token was issued to is (appid / azp by version).
        var (identity, key, failure) = await ValidateAsync(raw, token, settings.EmulatorOpenIdMetadataUrl, issuers, audience: null, cancellationToken);
        if (identity is null || key is null) return Refuse(failure ?? "invalid token", token);

        // Entra keys carry no endorsements; if a key does, it binds channels like any other.
        if (key.Endorsements is { } endorsements && !IsEndorsed(activity.ChannelId, endorsements))
            return Refuse($"signing key is not endorsed for channel '{activity.ChannelId}'", token);

        token.TryGetPayloadValue<string>("ver", out var version);
        var appIdClaim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null) return Refuse($"unknown Emulator token version '{version}'", token);
        if (!token.TryGetPayloadValue<string>(appIdClaim, out var appId) || string.IsNullOrEmpty(appId))
            return Refuse($"'{appIdClaim}' claim is required on a version '{version ?? "1.0"}' Emulator token", token);
        if (!string.Equals(appId, settings.AppId, StringComparison.OrdinalIgnoreCase))
            return Refuse($"Emulator token was issued to another app ({appIdClaim})", token);

        return new AuthenticationResult(identity, null);
    }

    private async Task<(System.Security.Claims.ClaimsIdentity? Identity, SigningKey? Key, string? Failure)> ValidateAsync(
        string raw, JsonWebToken token, string metadataUrl, IReadOnlyList<string> issuers, string? audience, CancellationToken cancellationToken)
    {
        // Checked before fetching keys: a token that can never pass must not cost a trip to the metadata endpoint.
        if (!issuers.Contains(token.Issuer, StringComparer.Ordinal)) return (null, null, "issuer is not trusted");
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal)) return (null, null, $"signing algorithm '{token.Alg}' is not allowed");
        if (string.IsNullOrEmpty(token.Kid)) return (null, null, "token names no signing key (kid)");

        var key = await keys.GetKeyAsync(metadataUrl, token.Kid, cancellationToken);
        if (key is null) return (null, null, "unknown signing key");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            // Lifetime is judged below against TimeProvider (IdentityModel would read the system clock).
            ValidateLifetime = false,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid) return (null, null, Describe(result.Exception));
        return LifetimeFailure(token) is { } failure ? (null, null, failure) : (result.ClaimsIdentity, key, null);
    }

    private string? LifetimeFailure(JsonWebToken token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // JsonWebToken reports a missing exp/nbf as DateTime.MinValue.
        if (token.ValidTo == DateTime.MinValue) return "token has no expiry";
        if (now > token.ValidTo + ClockSkew) return "token expired";
        if (token.ValidFrom != DateTime.MinValue && now < token.ValidFrom - ClockSkew) return "token not yet valid";
        return null;
    }

    /// <summary>A missing or empty channelId counts as endorsed, as in the SDK's EndorsementsValidator.</summary>
    private static bool IsEndorsed(string? channelId, IReadOnlyList<string> endorsements) =>
        string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId, StringComparer.Ordinal);

    /// <summary>The Emulator's tenants and the bot's own tenant, each as a v1 (sts) and v2 (authority) issuer.</summary>
    internal static IReadOnlyList<string> EntraIssuers(BotAuthOptions settings)
    {
        var sts = settings.StsHost.TrimEnd('/');
        var authority = settings.AuthorityHost.TrimEnd('/');
        var tenants = settings.EmulatorTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(settings.TenantId)) tenants = tenants.Append(settings.TenantId);
        return [.. tenants.Distinct(StringComparer.OrdinalIgnoreCase).SelectMany(t => new[] { $"{sts}/{t}/", $"{authority}/{t}/v2.0" })];
    }

    private static bool TryReadBearer(string header, out string token)
    {
        token = "";
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return false;
        token = header[(space + 1)..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal);
    }

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenInvalidIssuerException => "issuer is not trusted",
        SecurityTokenInvalidAudienceException => "audience is not this bot's app id",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "signature does not verify",
        SecurityTokenInvalidAlgorithmException => "signing algorithm is not allowed",
        SecurityTokenMalformedException => "malformed token",
        null => "invalid token",
        _ => $"invalid token ({e.GetType().Name})",
    };

    private AuthenticationResult Refuse(string reason, JsonWebToken? token = null)
    {
        // Issuer and key id say which door was tried; the token itself is never logged.
        LogRefused(log, reason, token?.Issuer, token?.Kid);
        return AuthenticationResult.Fail(reason);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Token refused: {Reason} (issuer {Issuer}, kid {KeyId})")]
    private static partial void LogRefused(ILogger logger, string reason, string? issuer, string? keyId);
}
