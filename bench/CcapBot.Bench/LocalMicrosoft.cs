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

namespace CcapBot.Bench;

/// <summary>
/// Everything Microsoft would be, on loopback: the channel's OpenID metadata + JWKS (with endorsements),
/// the Entra token endpoint the bot gets its outbound token from, and the Connector API that receives
/// the replies. One Kestrel app in the bench process, so the bot under test is the only other process.
/// </summary>
internal sealed class LocalMicrosoft : IAsyncDisposable
{
    public const string AppId = "5b2c1f5e-8a4d-4c39-9d1e-3f7a2b6c0d11";
    public const string TenantId = "7d0e3c2a-1b4f-4e8a-9c6d-2a1b3c4d5e6f";
    private const string KeyId = "bench-key";
    private static readonly string[] Endorsements = ["msteams", "webchat"];
    private static readonly string[] Algorithms = ["RS256"];

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();
    private readonly ConcurrentDictionary<string, string> _lastText = new();
    private long _replies;

    private LocalMicrosoft(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public string BaseUrl { get; private set; } = "";
    public string ServiceUrl => BaseUrl + "/connector/";
    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>The text of the last plain-text reply in a conversation (to check a script really completes).</summary>
    public string? LastText(string conversationId) => _lastText.GetValueOrDefault(conversationId);

    public static async Task<LocalMicrosoft> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var local = new LocalMicrosoft(app, key);
        local.Map(app);
        await app.StartAsync();
        local.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return local;
    }

    /// <summary>Settings that point the bot at this process instead of Microsoft.</summary>
    public Dictionary<string, string> BotSettings() => new()
    {
        ["Bot__AppId"] = AppId,
        ["Bot__AppType"] = "SingleTenant",
        ["Bot__TenantId"] = TenantId,
        ["Bot__AppPassword"] = "bench-secret",
        ["Bot__ChannelOpenIdMetadataUrl"] = BaseUrl + "/channel/.well-known/openidconfiguration",
        ["Bot__AuthorityHost"] = BaseUrl + "/entra",
    };

    /// <summary>A channel token as the Bot Connector would sign it for this serviceUrl.</summary>
    public string ChannelToken(TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://api.botframework.com",
        Audience = AppId,
        Expires = DateTime.UtcNow + lifetime,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>Completes when a reply arrives in the conversation (the turn's "last reply received").</summary>
    public Task NextReply(string conversationId)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[conversationId] = tcs;
        return tcs.Task;
    }

    private void Map(WebApplication app)
    {
        var rsa = _key.Rsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent), endorsements = Endorsements },
            },
        });
        app.MapGet("/channel/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new
        {
            issuer = "https://api.botframework.com",
            jwks_uri = BaseUrl + "/channel/keys",
            id_token_signing_alg_values_supported = Algorithms,
        }));
        app.MapGet("/channel/keys", () => Results.Text(jwks, "application/json"));
        app.MapPost("/entra/{tenant}/oauth2/v2.0/token", () => Results.Json(new
        {
            token_type = "Bearer",
            expires_in = 3600,
            ext_expires_in = 3600,
            access_token = "bench-outbound-token",
        }));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{**rest}", (string conversationId, HttpContext http) => Reply(conversationId, http));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) => Reply(conversationId, http));
        app.MapPut("/connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext http) => Reply(conversationId, http));
    }

    private async Task<IResult> Reply(string conversationId, HttpContext http)
    {
        // Drain the body as a real connector would; typing indicators are not replies.
        using var doc = await JsonDocument.ParseAsync(http.Request.Body);
        var isTyping = doc.RootElement.TryGetProperty("type", out var t) && t.ValueEquals("typing");
        if (!isTyping)
        {
            if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value) _lastText[conversationId] = value;
            Interlocked.Increment(ref _replies);
            if (_waiters.TryRemove(conversationId, out var waiter)) waiter.TrySetResult();
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
