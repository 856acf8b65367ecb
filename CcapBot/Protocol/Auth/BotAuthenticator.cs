using Microsoft.Extensions.Options;
using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol.Auth;

/// <summary>Placeholder until channel/emulator JWT validation lands: anonymous only, and only without an app id.</summary>
public sealed class BotAuthenticator(IOptions<BotAuthOptions> options) : IRequestAuthenticator
{
    public Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(!options.Value.AuthenticationEnabled && string.IsNullOrEmpty(authorizationHeader)
            ? AuthenticationResult.Anonymous
            : AuthenticationResult.Fail("token validation not implemented"));
}
