using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// Microsoft's side of bot authentication on a real loopback port: OpenID metadata + JWKS for the channel
/// (keys with <c>endorsements</c>) and for Entra/the Emulator, an Entra token endpoint (client credentials) and
/// an App Service managed identity endpoint. Counts every hit so tests can prove caching.
/// </summary>
public sealed class FakeIdentityServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly SemaphoreSlim _tokenRequestArrived = new(0);
    private volatile IReadOnlyList<(TestSigningKey Key, string[]? Endorsements)> _channelKeys = [];
    private volatile IReadOnlyList<TestSigningKey> _entraKeys = [];
    private int _nextToken;

    private FakeIdentityServer(WebApplication app) => _app = app;

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeIdentityServer(app);
        app.MapGet("/channel/.well-known/openidconfiguration", (HttpContext http) => server.Metadata(http, "channel"));
        app.MapGet("/channel/keys", (HttpContext http) => server.Keys(http, "channel", server._channelKeys));
        app.MapGet("/entra/.well-known/openid-configuration", (HttpContext http) => server.Metadata(http, "entra"));
        app.MapGet("/entra/keys", (HttpContext http) => server.Keys(http, "entra", [.. server._entraKeys.Select(k => (k, (string[]?)null))]));
        app.MapPost("/{tenant}/oauth2/v2.0/token", server.ClientCredentialsAsync);
        app.MapGet("/msi/token", (Delegate)server.ManagedIdentityAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>e.g. <c>http://127.0.0.1:5123</c>: the bot's <c>Bot:AuthorityHost</c> in tests.</summary>
    public string BaseUrl { get; private set; } = "";
    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";
    public string EntraMetadataUrl => BaseUrl + "/entra/.well-known/openid-configuration";
    public string ManagedIdentityEndpoint => BaseUrl + "/msi/token";

    /// <summary>Clock for <c>expires_on</c> (MSI); tests with a fake clock point it there.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>When set, token requests wait for it: lets a test hold a refresh in flight.</summary>
    public TaskCompletionSource? HoldTokenRequests { get; set; }
    /// <summary>When set, the token endpoint answers this status with an Entra-shaped error.</summary>
    public int? TokenFailureStatus { get; set; }

    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];
    public int Hits(string path) => _hits.GetValueOrDefault(path);
    public int ChannelMetadataHits => Hits("/channel/.well-known/openidconfiguration");
    public int ChannelKeysHits => Hits("/channel/keys");

    public void PublishChannelKey(TestSigningKey key, params string[] endorsements) =>
        _channelKeys = [.. _channelKeys, (key, endorsements)];

    public void RetireChannelKey(TestSigningKey key) =>
        _channelKeys = [.. _channelKeys.Where(k => k.Key != key)];

    public void PublishEntraKey(TestSigningKey key) => _entraKeys = [.. _entraKeys, key];

    public async Task WaitForTokenRequestAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_tokenRequests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Expected {count} token requests, got {_tokenRequests.Count}");
            await _tokenRequestArrived.WaitAsync(left);
        }
    }

    private IResult Metadata(HttpContext http, string name)
    {
        Count(http);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = name == "channel" ? ChannelIssuer : BaseUrl + "/{tenantid}/v2.0",
            ["jwks_uri"] = $"{BaseUrl}/{name}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
    }

    private IResult Keys(HttpContext http, string name, IReadOnlyList<(TestSigningKey Key, string[]? Endorsements)> keys)
    {
        Count(http);
        // A key of another type must be skipped, not break the set.
        var ec = new Dictionary<string, object> { ["kty"] = "EC", ["use"] = "sig", ["kid"] = $"{name}-ec", ["crv"] = "P-256", ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0" };
        return Results.Json(new Dictionary<string, object> { ["keys"] = keys.Select(k => k.Key.ToJwk(k.Endorsements)).Prepend(ec).ToArray() });
    }

    private async Task<IResult> ClientCredentialsAsync(HttpContext http, string tenant)
    {
        Count(http);
        var form = await http.Request.ReadFormAsync();
        return await IssueAsync(new TokenRequest(http.Request.Path, tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString()), http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())), managedIdentity: false);
    }

    private Task<IResult> ManagedIdentityAsync(HttpContext http)
    {
        Count(http);
        return IssueAsync(new TokenRequest(http.Request.Path, null, http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())), managedIdentity: true);
    }

    private async Task<IResult> IssueAsync(TokenRequest request, bool managedIdentity)
    {
        _tokenRequests.Enqueue(request);
        _tokenRequestArrived.Release();
        if (HoldTokenRequests is { } hold) await hold.Task;
        if (TokenFailureStatus is { } status)
        {
            return Results.Json(new Dictionary<string, object>
            {
                ["error"] = "invalid_client",
                ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                ["error_codes"] = new[] { 7000215 },
            }, statusCode: status);
        }

        var token = $"bot-token-{Interlocked.Increment(ref _nextToken)}";
        var seconds = (long)TokenLifetime.TotalSeconds;
        return managedIdentity
            ? Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["expires_on"] = (Now() + TokenLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = request.Values.GetValueOrDefault("resource") ?? "",
                ["token_type"] = "Bearer",
            })
            : Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = seconds,
                ["ext_expires_in"] = seconds,
                ["access_token"] = token,
            });
    }

    private void Count(HttpContext http) => _hits.AddOrUpdate(http.Request.Path.Value ?? "", 1, (_, n) => n + 1);

    public async ValueTask DisposeAsync()
    {
        HoldTokenRequests?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tokenRequestArrived.Dispose();
    }
}

/// <summary>A token request as the endpoint saw it: form fields (client credentials) or query (MSI).</summary>
public sealed record TokenRequest(string Path, string? Tenant, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Headers);

/// <summary>An RSA key the test signs tokens with; published (or not) by <see cref="FakeIdentityServer"/>.</summary>
public sealed class TestSigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId)
    {
        KeyId = keyId;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The same key id, signed by a different private key: a forged signature.</summary>
    public TestSigningKey Impostor() => new(KeyId);

    public Dictionary<string, object> ToJwk(string[]? endorsements)
    {
        var parameters = _rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = endorsements;
        return jwk;
    }

    /// <summary>Signs a JWT with these claims; <paramref name="algorithm"/> "none" leaves it unsigned.</summary>
    public string Sign(IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = algorithm == "none" ? null : new SigningCredentials(SecurityKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
