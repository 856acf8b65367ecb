using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.CheckIns;

/// <summary>
/// A check-in card submitted: every activity on it gets its chosen status and note in one go, through the
/// partnership's rules, and the card is replaced by what was stored. Answers to an older check-in still count.
/// Someone who is not of the partnership changes nothing.
/// </summary>
public sealed partial class CheckInHandler(
    CcapDbContext db,
    ActorResolver actors,
    ActivityChanges changes,
    TrackingCards cards,
    ILogger<CheckInHandler> log) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var partnershipId = TrackingTurns.Number(TrackingTurns.Arg(turn)?.Split(':')[0]);
        var partnership = partnershipId is { } id ? await db.Partnerships.WithAggregate().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (partnership is null)
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.CheckIn.Gone"));
            return;
        }
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!TrackingTurns.MayAct(actor, partnership))
        {
            LogRefused(log, partnership.Id);
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.NotYourPartnership"));
            return;
        }

        var submitted = Read(turn.SubmitData);
        var requested = new List<ActivityChange>();
        foreach (var (activityId, status, note) in submitted)
        {
            var activity = partnership.LiveActivities.FirstOrDefault(a => a.Id == activityId);
            // Ids of another partnership's activities, or of removed ones, are not this card's to change.
            if (activity is null) continue;
            requested.Add(new ActivityChange(activityId, status ?? activity.Status, note));
        }

        ChangeOutcome outcome;
        try
        {
            outcome = await changes.ApplyAsync(partnership, TrackingTurns.For(actor, partnership), requested, turn.Activity.ChannelId ?? "", turn.Now, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            LogRejected(log, partnership.Id, e.Violations.Count);
            TrackingTurns.Say(turn, StatusUpdateText.Refusal(cards, lang, e));
            return;
        }
        Audit.Record(db, actor, turn.Now, "activity.checkin", "Partnership", partnership.Id,
            JsonSerializer.SerializeToElement(new TrackingAudit(Updates: outcome.Updates.Count, Channel: turn.Activity.ChannelId), TrackingJsonContext.Default.TrackingAudit));

        var labels = await PartnershipLabel.LoadAsync(db, [partnership.Id], cancellationToken);
        var facts = requested.Select(r =>
        {
            var activity = partnership.LiveActivities.First(a => a.Id == r.ActivityId);
            var update = outcome.Updates.FirstOrDefault(u => u.Activity.Id == r.ActivityId).Update;
            var value = update is null
                ? cards.Format(lang, "Tracking.CheckIn.Unchanged", cards.Status(lang, activity.Status))
                : StatusUpdateText.Change(cards, lang, update.FromStatus, update.ToStatus, update.Note);
            return new CardFact(cards.ActivityHeading(lang, activity.Number, activity.Title), value);
        }).ToList();
        var card = cards.Notice(new NoticeCardData
        {
            Title = cards.Format(lang, "Tracking.CheckIn.Title", labels.GetValueOrDefault(partnership.Id)?.Name(lang) ?? ""),
            Facts = facts,
            Outcome = outcome.Completed ? cards.Get(lang, "Tracking.Completed")
                : outcome.Updates.Count == 0 ? cards.Get(lang, "Tracking.CheckIn.NothingChanged")
                : cards.Format(lang, "Tracking.CheckIn.Saved", outcome.Updates.Count),
        }, turn.SupportsUniversalActions);
        TrackingTurns.Replace(turn, card);
        LogCheckedIn(log, partnership.Id, outcome.Updates.Count);
    }

    /// <summary>The card's inputs: "status_{id}" and "note_{id}" for each activity on it.</summary>
    internal static List<(int ActivityId, ActivityStatus? Status, string? Note)> Read(JsonElement? data)
    {
        var result = new Dictionary<int, (ActivityStatus? Status, string? Note)>();
        if (data is not { ValueKind: JsonValueKind.Object } inputs) return [];
        foreach (var property in inputs.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) continue;
            var value = property.Value.GetString();
            if (property.Name.StartsWith(CheckInCards.StatusPrefix, StringComparison.Ordinal) && TrackingTurns.Number(property.Name[CheckInCards.StatusPrefix.Length..]) is { } sid)
            {
                var status = Enum.TryParse<ActivityStatus>(value, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : (ActivityStatus?)null;
                result[sid] = (status, result.GetValueOrDefault(sid).Note);
            }
            else if (property.Name.StartsWith(CheckInCards.NotePrefix, StringComparison.Ordinal) && TrackingTurns.Number(property.Name[CheckInCards.NotePrefix.Length..]) is { } nid)
            {
                result[nid] = (result.GetValueOrDefault(nid).Status, string.IsNullOrWhiteSpace(value) ? null : value.Trim());
            }
        }
        return [.. result.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Status, r.Value.Note))];
    }

    [LoggerMessage(EventId = 7220, Level = LogLevel.Information, Message = "Check-in for partnership {PartnershipId}: {Count} update(s)")]
    private static partial void LogCheckedIn(ILogger logger, int partnershipId, int count);

    [LoggerMessage(EventId = 7221, Level = LogLevel.Warning, Message = "Check-in for partnership {PartnershipId} refused: not a participant")]
    private static partial void LogRefused(ILogger logger, int partnershipId);

    [LoggerMessage(EventId = 7222, Level = LogLevel.Information, Message = "Check-in for partnership {PartnershipId} rejected: {Count} rule(s) broken")]
    private static partial void LogRejected(ILogger logger, int partnershipId, int count);
}
