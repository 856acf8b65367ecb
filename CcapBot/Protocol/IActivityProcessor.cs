using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol;

/// <summary>
/// Where an authenticated, parsed activity goes: the turn pipeline. Channels (the messages endpoint,
/// the local Direct Line) hand activities to it; the protocol layer knows nothing of what happens next.
/// </summary>
public interface IActivityProcessor
{
    /// <returns>The invoke response for invoke activities, otherwise null.</returns>
    Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken);
}
