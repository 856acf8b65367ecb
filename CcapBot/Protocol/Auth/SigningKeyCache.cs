using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CcapBot.Protocol.Auth;

/// <summary>A published signing key and the channels it may speak for (null when the issuer publishes none).</summary>
public sealed record SigningKey(SecurityKey Key, IReadOnlyList<string>? Endorsements);

/// <summary>
/// Signing keys per OpenID metadata URL (metadata → <c>jwks_uri</c> → keys). The JWKS is read here rather than
/// through <c>OpenIdConnectConfigurationRetriever</c> because the Bot Framework's non-standard
/// <c>endorsements</c> array lives on each key.
/// </summary>
/// <remarks>
/// Keys are refetched every 24 h (the Bot Framework doc's floor) and when a token names an unknown <c>kid</c>
/// (a key rotated in early), but such forced refreshes happen at most once per 5 minutes per URL, so a flood of
/// forged kids cannot turn the bot into a load generator against Microsoft's endpoint.
/// </remarks>
public sealed partial class SigningKeyCache(IHttpClientFactory httpFactory, TimeProvider clock, ILogger<SigningKeyCache> log) : IDisposable
{
    public const string HttpClientName = "CcapBot.Auth.OpenIdMetadata";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);
    /// <summary>After a failed fetch, wait this long before the next attempt (keeps an outage from being hammered).</summary>
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, KeySet> _sets = new(StringComparer.Ordinal);

    /// <returns>The key, or null when the issuer does not (or cannot currently be shown to) publish it.</returns>
    public async ValueTask<SigningKey?> GetKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(metadataUrl);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var set = _sets.GetOrAdd(metadataUrl, static _ => new KeySet());

        if (IsStale(set.Current)) await RefreshAsync(metadataUrl, set, forced: false, keyId, cancellationToken);
        if (Find(set.Current, keyId) is { } key) return key;

        if (!ForcedRefreshAllowed(set)) return null;
        await RefreshAsync(metadataUrl, set, forced: true, keyId, cancellationToken);
        return Find(set.Current, keyId);
    }

    private bool IsStale(Snapshot? snapshot) => snapshot is null || clock.GetUtcNow() - snapshot.FetchedAt >= RefreshInterval;

    private bool ForcedRefreshAllowed(KeySet set) =>
        set.LastForcedRefresh is not { } last || clock.GetUtcNow() - last >= UnknownKeyRefreshInterval;

    private static SigningKey? Find(Snapshot? snapshot, string keyId) =>
        snapshot is not null && snapshot.Keys.TryGetValue(keyId, out var key) ? key : null;

    private async Task RefreshAsync(string metadataUrl, KeySet set, bool forced, string keyId, CancellationToken cancellationToken)
    {
        await set.Gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may already have done the work.
            if (forced ? Find(set.Current, keyId) is not null || !ForcedRefreshAllowed(set) : !IsStale(set.Current)) return;
            var now = clock.GetUtcNow();
            if (set.NextAttempt > now) return;
            if (forced) set.LastForcedRefresh = now;

            try
            {
                var keys = await FetchAsync(metadataUrl, cancellationToken);
                set.Current = new Snapshot(keys, now);
                set.NextAttempt = DateTimeOffset.MinValue;
                LogKeysRefreshed(log, metadataUrl, keys.Count, forced);
            }
            catch (Exception e) when ((e is HttpRequestException or JsonException or InvalidOperationException or ArgumentException or TaskCanceledException)
                                      && !cancellationToken.IsCancellationRequested)
            {
                // Keep serving the keys we have: an outage at Microsoft must not lock out valid tokens.
                set.NextAttempt = now + FailureBackoff;
                LogRefreshFailed(log, metadataUrl, set.Current is not null, e);
            }
        }
        finally
        {
            set.Gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient(HttpClientName);
        string jwksUri;
        using (var metadata = await GetJsonAsync(http, metadataUrl, cancellationToken))
        {
            jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException("OpenID metadata has no jwks_uri");
        }

        using var jwks = await GetJsonAsync(http, jwksUri, cancellationToken);
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException("JWKS has no keys array");

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object) continue;
            var jwk = new JsonWebKey(element.GetRawText());
            // Only RSA signature keys can verify RS256/384/512; anything else is not ours to use.
            if (string.IsNullOrEmpty(jwk.Kid) || jwk.Kty != JsonWebAlgorithmsKeyTypes.RSA || jwk.Use is { Length: > 0 } and not "sig") continue;
            result[jwk.Kid] = new SigningKey(jwk, ReadEndorsements(element));
        }
        return result;
    }

    private static List<string>? ReadEndorsements(JsonElement key)
    {
        if (!key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array) return null;
        return [.. endorsements.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Absolute), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);

    public void Dispose()
    {
        foreach (var set in _sets.Values) set.Dispose();
    }

    private sealed class KeySet : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        // Written under Gate, read without it: readers only ever see a whole snapshot.
        public volatile Snapshot? Current;
        public DateTimeOffset? LastForcedRefresh;
        public DateTimeOffset NextAttempt = DateTimeOffset.MinValue;

        public void Dispose() => Gate.Dispose();
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Signing keys from {MetadataUrl} refreshed: {KeyCount} keys (unknown key: {Forced})")]
    private static partial void LogKeysRefreshed(ILogger logger, string metadataUrl, int keyCount, bool forced);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Signing keys from {MetadataUrl} could not be refreshed (keeping cached keys: {HaveCachedKeys})")]
    private static partial void LogRefreshFailed(ILogger logger, string metadataUrl, bool haveCachedKeys, Exception exception);
}
