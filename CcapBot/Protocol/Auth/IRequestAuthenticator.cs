using System.Security.Claims;
using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol.Auth;

/// <summary>Validates the channel's bearer token against the activity it came with.</summary>
public interface IRequestAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

public sealed record AuthenticationResult(ClaimsIdentity? Identity, string? Failure)
{
    public bool Succeeded => Identity is not null;
    public static AuthenticationResult Fail(string reason) => new(null, reason);
    public static AuthenticationResult Anonymous { get; } = new(new ClaimsIdentity(), null);
}
