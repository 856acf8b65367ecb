using System.Net;
using CcapBot.Tests.Infrastructure;
using static CcapBot.Tests.Protocol.Auth.AuthenticatedBot;

namespace CcapBot.Tests.Protocol.Auth;

/// <summary>
/// Every way a token can be wrong: each is 401 and leaves no trace (no member, no processed activity, no reply).
/// One bot serves the whole table, so a case that slipped through would also fail every later case.
/// </summary>
public sealed class RefusedTokenTests(AuthenticatedBot env) : IClassFixture<AuthenticatedBot>
{
    /// <summary>Each case and (part of) the reason the bot must give for it: the right check has to catch it.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "wrong issuer", "issuer is not trusted" },
        { "wrong audience", "audience is not this bot's app id" },
        { "expired", "token expired" },
        { "not yet valid", "token not yet valid" },
        { "bad signature", "signature does not verify" },
        { "unknown key", "unknown signing key" },
        { "key not endorsed for the channel", "not endorsed for channel 'msteams'" },
        { "serviceurl claim mismatch", "serviceurl claim does not match" },
        { "missing serviceurl claim", "missing serviceurl claim" },
        { "missing header with an app id configured", "no Authorization header" },
        { "not a bearer token", "not a Bearer token" },
        { "malformed token", "malformed token" },
        { "unsigned token", "signing algorithm 'none' is not allowed" },
        { "HS256 token", "signing algorithm 'HS256' is not allowed" },
        { "emulator token with wrong appid", "issued to another app" },
        { "emulator token with unknown ver", "unknown Emulator token version '3.0'" },
        { "emulator v2 token without azp", "'azp' claim is required" },
        { "emulator token signed by a channel key", "unknown signing key" },
        { "channel token signed by an Entra key", "unknown signing key" },
        { "Entra token from another tenant", "issuer is not trusted" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusedToken_Is401_ForTheRightReason_AndNothingIsStored(string @case, string reason)
    {
        var now = env.Now;
        var activity = env.TeamsMessage().Build();
        var claims = env.ChannelClaims();
        var key = env.ChannelKey;
        var (notBefore, expires, algorithm) = (now.AddMinutes(-1), now.AddHours(1), "RS256");
        string? header = null;
        switch (@case)
        {
            case "wrong issuer": claims["iss"] = "https://api.botframework.example"; break;
            case "wrong audience": claims["aud"] = OtherAppId; break;
            case "expired": (notBefore, expires) = (now.AddHours(-2), now.AddMinutes(-6)); break;
            case "not yet valid": (notBefore, expires) = (now.AddMinutes(6), now.AddHours(2)); break;
            case "bad signature": key = env.ChannelKey.Impostor(); break;
            case "unknown key": key = new TestSigningKey("never-published"); break;
            case "key not endorsed for the channel": key = env.WebChatOnlyKey; break;
            case "serviceurl claim mismatch": claims["serviceurl"] = "https://smba.trafficmanager.net/amer/"; break;
            case "missing serviceurl claim": claims.Remove("serviceurl"); break;
            case "missing header with an app id configured": header = ""; break;
            case "not a bearer token": header = "Basic " + Convert.ToBase64String("bot:secret"u8); break;
            case "malformed token": header = "Bearer not.a.jwt"; break;
            case "unsigned token": algorithm = "none"; break;
            case "HS256 token": header = "Bearer " + HmacToken(claims, now); break;
            case "emulator token with wrong appid": claims = EntraClaims(V1Issuer(EmulatorTenant31), "1.0", OtherAppId); key = env.EntraKey; break;
            case "emulator token with unknown ver": claims = EntraClaims(V1Issuer(EmulatorTenant31), "3.0"); key = env.EntraKey; break;
            case "emulator v2 token without azp": claims = EntraClaims(env.V2Issuer(EmulatorTenant32), "2.0"); claims.Remove("azp"); key = env.EntraKey; break;
            case "emulator token signed by a channel key": claims = EntraClaims(V1Issuer(EmulatorTenant31), "1.0"); break;
            case "channel token signed by an Entra key": key = env.EntraKey; break;
            case "Entra token from another tenant": claims = EntraClaims(V1Issuer("99999999-8888-7777-6666-555555555555"), "1.0"); key = env.EntraKey; break;
            default: throw new ArgumentOutOfRangeException(nameof(@case));
        }
        header ??= "Bearer " + key.Sign(claims, notBefore, expires, algorithm);

        var response = await env.PostAsync(activity, header.Length == 0 ? null : header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, env.LastRefusal(), StringComparison.Ordinal);
        await env.AssertNothingStoredAsync();
    }

    private static string HmacToken(Dictionary<string, object> claims, DateTimeOffset now)
    {
        var secret = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]) { KeyId = "channel-key-1" };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(secret, "HS256"),
        });
    }
}
