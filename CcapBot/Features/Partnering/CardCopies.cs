using System.Text.Json;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Partnering;

/// <summary>
/// A card everyone concerned holds a copy of (a launch meeting invitation, an action list proposal), each
/// copy in its reader's language and with what they may do. Publishing again after a change updates every
/// copy in place (Connector update in Teams, activity update in web chat) and sends a first copy to anyone
/// who has none yet. All of it goes through the outbox in the caller's unit of work, so the copies change
/// exactly when the change commits; the outbox keeps later updates from being overwritten by earlier ones.
/// </summary>
public sealed class CardCopies(OutboxWriter outbox, Audience audience, TimeProvider clock)
{
    public const string KeyPrefix = "partnering:";

    /// <param name="topic">The card's identity, e.g. <c>launch:12:1</c>; every copy and update carries it.</param>
    /// <param name="revision">What changed (e.g. the partnership's version): one update per copy per revision.</param>
    /// <param name="render">The card for one reader, knowing everyone who holds a copy (e.g. for Teams card refresh).</param>
    /// <returns>How many copies were sent or updated.</returns>
    public async Task<int> PublishAsync(CcapDbContext db, string topic, string revision, IEnumerable<Recipient> recipients,
        Func<Recipient, IReadOnlyList<Recipient>, (JsonElement Card, string Summary)> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(render);
        var everyone = recipients.DistinctBy(r => r.Key).ToList();
        var copyKeys = $"{KeyPrefix}{topic}:to:";
        var copies = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == topic && m.UpdateOfKey == null && m.UpdateActivityId == null && m.UserId != null && m.IdempotencyKey.StartsWith(copyKeys))
            .OrderBy(m => m.Id)
            .Select(m => new { m.ChannelId, m.ServiceUrl, m.BotId, m.ConversationId, m.UserId, m.TenantId })
            .ToListAsync(cancellationToken);
        foreach (var copy in copies.Where(c => everyone.All(r => r.Key != Recipient.KeyFor(c.ChannelId, c.UserId!))))
        {
            everyone.Add(await audience.ForCopyAsync(db, new OutboxTarget
            {
                ChannelId = copy.ChannelId, ServiceUrl = copy.ServiceUrl, BotId = copy.BotId,
                ConversationId = copy.ConversationId, UserId = copy.UserId, TenantId = copy.TenantId,
            }, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var recipient in everyone)
        {
            var (card, summary) = render(recipient, everyone);
            var activity = new Activity { Type = ActivityTypes.Message, Summary = summary, Attachments = [Attachment.AdaptiveCard(card)] };
            var key = copyKeys + recipient.Key;
            if (await outbox.EnqueueAsync(db, key, recipient.Target, activity, now, topic, cancellationToken)
                || await outbox.EnqueueUpdateOfAsync(db, $"{key}:{revision}", key, activity, now, topic, cancellationToken))
                written++;
        }
        return written;
    }

    /// <summary>A one-off message (a notice) to each recipient, once per <paramref name="key"/>.</summary>
    public async Task<int> NotifyAsync(CcapDbContext db, string key, string topic, IEnumerable<Recipient> recipients,
        Func<Recipient, Activity> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(render);
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var recipient in recipients.DistinctBy(r => r.Key))
        {
            if (await outbox.EnqueueAsync(db, $"{KeyPrefix}{key}:to:{recipient.Key}", recipient.Target, render(recipient), now, topic, cancellationToken)) written++;
        }
        return written;
    }
}
