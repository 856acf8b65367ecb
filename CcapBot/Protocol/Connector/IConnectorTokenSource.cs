namespace CcapBot.Protocol.Connector;

/// <summary>
/// Supplies the bearer token for a Connector call to a given serviceUrl, or null for none
/// (local development without an app id). Registered sources are asked in registration order; the first
/// that claims the URL answers. URLs no source claims get the bot's own Connector token.
/// </summary>
public interface IConnectorTokenSource
{
    bool CanServe(Uri serviceUrl);
    ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken);
}
