namespace CcapBot.Protocol.Connector;

/// <summary>
/// Supplies the bearer token for a Connector call to a given serviceUrl, or null for none
/// (local development without an app id). Sources are asked in registration order; the first
/// that claims the URL answers.
/// </summary>
public interface IConnectorTokenSource
{
    bool CanServe(Uri serviceUrl);
    ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken);
}
