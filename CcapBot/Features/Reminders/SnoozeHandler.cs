using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Conversations;
using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Reminders;

/// <summary>
/// "Snooze 1 day / 1 week" on a reminder: for that long, messages on the same subject wait (the ones already
/// queued move, the scheduler holds back new ones), and this one comes back once the snooze is over, in the
/// person's working hours. Only the person the message went to can snooze it.
/// </summary>
public sealed partial class SnoozeHandler(CcapDbContext db, OutboxWriter outbox, TrackingCards cards, ILogger<SnoozeHandler> log) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var parts = TrackingTurns.Arg(turn)?.Split('|', 3);
        var member = turn.Member;
        if (parts is not [var daysText, var topic, var key] || TrackingTurns.Number(daysText) is not (TrackingCards.SnoozeDay or TrackingCards.SnoozeWeek) || !topic.StartsWith(Topics.Prefix, StringComparison.Ordinal))
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.Snooze.Invalid"));
            return;
        }
        var original = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
        // The card must be one sent to this person, about this subject: nobody snoozes someone else's reminders.
        if (original is null || original.Topic != topic || original.ChannelId != member.ChannelId || original.UserId != member.UserId)
        {
            LogRefused(log);
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.Snooze.Invalid"));
            return;
        }

        var until = turn.Now.AddDays(TrackingTurns.Number(daysText)!.Value);
        var hours = (await Audience.ForTurnAsync(db, turn, actor: null, cancellationToken)).Hours;
        var back = hours.NextSlot(until) ?? until;

        var snooze = await db.ReminderSnoozes.FirstOrDefaultAsync(s => s.ChannelId == member.ChannelId && s.UserId == member.UserId && s.Subject == topic, cancellationToken);
        if (snooze is null) db.ReminderSnoozes.Add(new ReminderSnooze { ChannelId = member.ChannelId, UserId = member.UserId, Subject = topic, Until = until, CreatedAt = turn.Now });
        else if (snooze.Until < until) snooze.Until = until;

        // What is already queued on the subject for this person waits too.
        var waiting = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.Topic == topic && m.ChannelId == member.ChannelId && m.UserId == member.UserId && m.LeaseOwner == null && m.DueAt < back)
            .ToListAsync(cancellationToken);
        foreach (var row in waiting) row.DueAt = back;

        // This message comes back once (a second press moves the copy that is still waiting).
        var copyPrefix = $"snooze:{key}:";
        var copies = await db.OutboxMessages.AsNoTracking().CountAsync(m => m.IdempotencyKey.StartsWith(copyPrefix), cancellationToken);
        if (!waiting.Any(w => w.IdempotencyKey.StartsWith(copyPrefix, StringComparison.Ordinal)) && copyPrefix.Length + 4 <= OutboxWriter.MaxKeyLength
            && JsonSerializer.Deserialize(original.Activity, ProtocolJsonContext.Default.Activity) is { } activity)
        {
            var target = new OutboxTarget
            {
                ChannelId = original.ChannelId, ServiceUrl = original.ServiceUrl, BotId = original.BotId,
                ConversationId = original.ConversationId, UserId = original.UserId, TenantId = original.TenantId,
            };
            await outbox.EnqueueAsync(db, copyPrefix + (copies + 1).ToString(CultureInfo.InvariantCulture), target, activity with { Id = null, ReplyToId = null }, back, topic, cancellationToken);
        }

        var outcome = cards.Format(lang, "Tracking.Snooze.Done", cards.Time(lang, hours.Zone, back));
        if (Snoozed(original.Activity, outcome) is { } card) TrackingTurns.Replace(turn, card);
        else TrackingTurns.Say(turn, outcome);
        LogSnoozed(log, topic, back);
    }

    /// <summary>The snoozed card as it was, without its buttons, saying until when.</summary>
    private static JsonElement? Snoozed(string activityJson, string outcome)
    {
        var card = JsonSerializer.Deserialize(activityJson, ProtocolJsonContext.Default.Activity)?.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content;
        if (card is not { ValueKind: JsonValueKind.Object } content || JsonNode.Parse(content.GetRawText()) is not JsonObject node) return null;
        node.Remove("actions");
        if (node["body"] is not JsonArray body) return null;
        // Inputs of a check-in card stay: the card can still be answered from the copy that comes back.
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = outcome, ["color"] = "Good", ["weight"] = "Bolder", ["wrap"] = true });
        return JsonSerializer.SerializeToElement(node, TrackingNodeJsonContext.Default.JsonNode);
    }

    [LoggerMessage(EventId = 7240, Level = LogLevel.Information, Message = "Snoozed {Topic} until {Until}")]
    private static partial void LogSnoozed(ILogger logger, string topic, DateTimeOffset until);

    [LoggerMessage(EventId = 7241, Level = LogLevel.Warning, Message = "A snooze for a message not sent to this person was refused")]
    private static partial void LogRefused(ILogger logger);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class TrackingNodeJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
