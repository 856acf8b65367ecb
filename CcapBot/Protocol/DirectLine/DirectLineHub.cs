using System.Collections.Concurrent;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// In-process signals to the WebSocket streams this instance holds: "the conversation changed, look in
/// the database" after every write here, plus stream-only activities (typing) that are never stored.
/// Writes made by other instances are found by each stream's own database polling. One stream per
/// conversation: a newer one closes the older with reason <c>collision</c> (a reloaded page wins).
/// </summary>
public sealed class DirectLineHub
{
    private readonly ConcurrentDictionary<string, DirectLineSubscription> _streams = new(StringComparer.Ordinal);

    public DirectLineSubscription Subscribe(string conversationId)
    {
        var subscription = new DirectLineSubscription(this, conversationId);
        _streams.AddOrUpdate(conversationId, subscription, (_, older) =>
        {
            older.Collide();
            return subscription;
        });
        return subscription;
    }

    /// <summary>Stored activities of the conversation changed (new, updated or deleted).</summary>
    public void Changed(string conversationId)
    {
        if (_streams.TryGetValue(conversationId, out var stream)) stream.Signal();
    }

    /// <summary>Delivers an activity to the open stream only (typing); lost if none is open here.</summary>
    public void Publish(string conversationId, string activityJson)
    {
        if (_streams.TryGetValue(conversationId, out var stream)) stream.Enqueue(activityJson);
    }

    internal void Remove(DirectLineSubscription subscription) =>
        _streams.TryRemove(new KeyValuePair<string, DirectLineSubscription>(subscription.ConversationId, subscription));
}

public sealed class DirectLineSubscription : IDisposable
{
    private readonly DirectLineHub _hub;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ConcurrentQueue<string> _transient = new();
    private volatile bool _collided;

    internal DirectLineSubscription(DirectLineHub hub, string conversationId)
    {
        _hub = hub;
        ConversationId = conversationId;
    }

    public string ConversationId { get; }

    /// <summary>A newer stream took over this conversation.</summary>
    public bool Collided => _collided;

    /// <summary>Waits for a signal, up to <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>The stream-only activities queued since the last call, oldest first.</summary>
    public IReadOnlyList<string> DrainTransient()
    {
        List<string>? items = null;
        while (_transient.TryDequeue(out var json)) (items ??= []).Add(json);
        return items ?? [];
    }

    internal void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled: one wake-up covers any number of changes
        }
        catch (ObjectDisposedException)
        {
            // the stream closed meanwhile
        }
    }

    internal void Enqueue(string json)
    {
        _transient.Enqueue(json);
        Signal();
    }

    internal void Collide()
    {
        _collided = true;
        Signal();
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _signal.Dispose();
    }
}
