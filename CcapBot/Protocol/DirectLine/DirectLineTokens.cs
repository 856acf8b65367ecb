using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// Direct Line tokens (short HS256 JWTs binding one conversation and one user, as the real service's
/// tokens do; Web Chat reads the <c>user</c> claim) and the bearer tokens the bot presents to this
/// service's Connector endpoints (bound to one conversation). The two kinds are signed with different
/// keys, both derived from the Direct Line secret, or random per process when there is none.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "ccapbot-directline";
    private const string ClientAudience = "directline";
    private const string ConnectorAudience = "connector";
    internal const string ConversationClaim = "conv";
    internal const string UserClaim = "user";
    internal const string UserNameClaim = "uname";
    /// <summary>Short: a connector token is minted per call and only ever travels to this service.</summary>
    private static readonly TimeSpan ConnectorTokenLifetime = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly byte[]? _secret;
    private readonly SymmetricSecurityKey _clientKey;
    private readonly SymmetricSecurityKey _connectorKey;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.Secret;
        _secret = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);
        var root = _secret ?? RandomNumberGenerator.GetBytes(64);
        _clientKey = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 64, [], "ccapbot directline client token"u8.ToArray()));
        _connectorKey = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 64, [], "ccapbot directline connector token"u8.ToArray()));
        _lifetime = options.Value.TokenLifetime;
        _clock = clock;
    }

    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    public string Issue(string conversationId, string userId, string? userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId };
        if (!string.IsNullOrWhiteSpace(userName)) claims[UserNameClaim] = userName;
        return Create(ClientAudience, _clientKey, _lifetime, claims);
    }

    /// <summary>Who is calling a Direct Line endpoint: the secret holder, a token holder, or nobody.</summary>
    public async Task<DirectLineCaller> AuthenticateAsync(string? authorizationHeader)
    {
        var bearer = Bearer(authorizationHeader);
        if (bearer is null) return DirectLineCaller.Missing;
        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), _secret)) return DirectLineCaller.SecretHolder;
        return await AuthenticateTokenAsync(bearer);
    }

    /// <summary>The token of a stream URL (<c>?t=</c>): pre-authorised, no header.</summary>
    public Task<DirectLineCaller> AuthenticateTokenAsync(string? token) =>
        string.IsNullOrEmpty(token) ? Task.FromResult(DirectLineCaller.Missing) : ValidateClientTokenAsync(token);

    public string IssueConnectorToken(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return Create(ConnectorAudience, _connectorKey, ConnectorTokenLifetime, new Dictionary<string, object> { [ConversationClaim] = conversationId });
    }

    /// <summary>True only for a valid, unexpired connector token minted for this conversation.</summary>
    public async Task<bool> IsConnectorTokenForAsync(string? authorizationHeader, string conversationId)
    {
        if (Bearer(authorizationHeader) is not { } bearer) return false;
        var (token, expired) = await ValidateAsync(bearer, ConnectorAudience, _connectorKey);
        return token is not null && !expired && token.TryGetPayloadValue<string>(ConversationClaim, out var conv) && conv == conversationId;
    }

    private async Task<DirectLineCaller> ValidateClientTokenAsync(string bearer)
    {
        var (token, expired) = await ValidateAsync(bearer, ClientAudience, _clientKey);
        if (token is null) return DirectLineCaller.Invalid;
        if (expired) return DirectLineCaller.Expired;
        if (!token.TryGetPayloadValue<string>(ConversationClaim, out var conv) || string.IsNullOrEmpty(conv)
            || !token.TryGetPayloadValue<string>(UserClaim, out var user) || string.IsNullOrEmpty(user))
            return DirectLineCaller.Invalid;
        token.TryGetPayloadValue<string>(UserNameClaim, out var name);
        return new DirectLineCaller(DirectLineCallerKind.Token, conv, user, name);
    }

    private string Create(string audience, SecurityKey key, TimeSpan lifetime, Dictionary<string, object> claims)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <returns>The token when issuer, audience and signature hold (null otherwise), and whether it has expired.</returns>
    private async Task<(JsonWebToken? Token, bool Expired)> ValidateAsync(string bearer, string audience, SecurityKey key)
    {
        var result = await _handler.ValidateTokenAsync(bearer, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // Lifetime is judged below against TimeProvider, so a test clock governs expiry too.
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token) return (null, false);
        var now = _clock.GetUtcNow().UtcDateTime;
        var expired = token.ValidTo == DateTime.MinValue || now >= token.ValidTo || now < token.ValidFrom - TimeSpan.FromMinutes(1);
        return (token, expired);
    }

    private static string? Bearer(string? header)
    {
        const string Prefix = "Bearer ";
        return header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length
            ? header[Prefix.Length..].Trim()
            : null;
    }
}

public enum DirectLineCallerKind
{
    Missing,
    Invalid,
    Expired,
    Secret,
    Token,
}

/// <summary>The caller of a Direct Line endpoint. A token holder may touch its own conversation only.</summary>
public sealed record DirectLineCaller(DirectLineCallerKind Kind, string? ConversationId = null, string? UserId = null, string? UserName = null)
{
    public static DirectLineCaller Missing { get; } = new(DirectLineCallerKind.Missing);
    public static DirectLineCaller Invalid { get; } = new(DirectLineCallerKind.Invalid);
    public static DirectLineCaller Expired { get; } = new(DirectLineCallerKind.Expired);
    public static DirectLineCaller SecretHolder { get; } = new(DirectLineCallerKind.Secret);

    public bool IsAuthenticated => Kind is DirectLineCallerKind.Secret or DirectLineCallerKind.Token;

    public bool CanAccess(string conversationId) =>
        Kind == DirectLineCallerKind.Secret || (Kind == DirectLineCallerKind.Token && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}
