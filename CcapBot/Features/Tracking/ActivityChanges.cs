using System.Globalization;
using CcapBot.Cards;
using CcapBot.Features.Access;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Tracking;

/// <summary>One activity's new status and note, as a check-in card or a sentence gives it.</summary>
public sealed record ActivityChange(int ActivityId, ActivityStatus Status, string? Note);

/// <summary>What was stored: the updates (empty when nothing changed) and whether the partnership is now complete.</summary>
public sealed record ChangeOutcome(IReadOnlyList<(PartnershipActivity Activity, ActivityUpdate Update)> Updates, bool Completed);

/// <summary>
/// Stores status changes through the partnership (so its rules and history apply), in the caller's unit of work.
/// Reminders still waiting about an activity now done are withdrawn; when the last activity is done the
/// partnership is completed and both sides get the recognition card with the next steps (results, extend, new area).
/// </summary>
public sealed class ActivityChanges(CcapDbContext db, Audience audience, OutboxWriter outbox, TrackingCards cards)
{
    /// <exception cref="DomainRuleException">The actor may not, or a note is too long; nothing changed.</exception>
    public async Task<ChangeOutcome> ApplyAsync(Partnership partnership, PartnershipActor actor, IReadOnlyList<ActivityChange> changes, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(changes);
        var applied = new List<(PartnershipActivity, ActivityUpdate)>();
        foreach (var change in changes)
        {
            // A card or a question may outlive the activity (a later list removed it): that line is ignored.
            if (partnership.LiveActivities.FirstOrDefault(a => a.Id == change.ActivityId) is not { } activity) continue;
            if (partnership.UpdateActivity(actor, activity.Number, change.Status, change.Note, channel, now) is { } update) applied.Add((activity, update));
        }
        foreach (var (activity, _) in applied.Where(a => a.Item1.Status == ActivityStatus.Done)) await WithdrawAsync(Topics.Activity(activity.Id), cancellationToken);

        var completed = false;
        if (partnership.Status == PartnershipStatus.Active && partnership.AllActivitiesDone && applied.Count > 0)
        {
            partnership.Complete(actor, now);
            completed = true;
            await EndedAsync(partnership, now, cancellationToken);
        }
        return new ChangeOutcome(applied, completed);
    }

    /// <summary>
    /// The partnership is over (completed, or closed by a coordinator): check-ins and reminders still waiting are not
    /// sent, and both sides get the recognition card with the next steps.
    /// </summary>
    public async Task EndedAsync(Partnership partnership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        await WithdrawAsync(Topics.CheckIn(partnership.Id), cancellationToken);
        await WithdrawAsync(Topics.Partnership(partnership.Id), cancellationToken);
        foreach (var activity in partnership.LiveActivities) await WithdrawAsync(Topics.Activity(activity.Id), cancellationToken);
        await RecogniseAsync(partnership, now, cancellationToken);
    }

    /// <summary>Messages about <paramref name="topic"/> still waiting to be sent are no longer true: they are not sent.</summary>
    private async Task WithdrawAsync(string topic, CancellationToken cancellationToken)
    {
        var waiting = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.Topic == topic && m.LeaseOwner == null).ToListAsync(cancellationToken);
        foreach (var row in waiting) row.Status = OutboxStatus.Superseded;
    }

    /// <summary>The recognition card to every representative of every city of the partnership.</summary>
    private async Task RecogniseAsync(Partnership partnership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var cityIds = partnership.Cities.Select(c => c.CityId).ToList();
        var recipients = await audience.RepresentativesAsync(db, cityIds, cancellationToken);
        var labels = await PartnershipLabel.LoadAsync(db, [partnership.Id], cancellationToken);
        var label = labels.GetValueOrDefault(partnership.Id);
        var occasion = (partnership.EndedAt ?? now).UtcTicks.ToString(CultureInfo.InvariantCulture);
        var closed = partnership.Status == PartnershipStatus.Closed;
        var done = partnership.LiveActivities.Count(a => a.Status == ActivityStatus.Done);
        var requests = new List<OutboxRequest>();
        foreach (var to in recipients)
        {
            var lang = to.Language;
            var card = cards.Notice(new NoticeCardData
            {
                Title = cards.Get(lang, closed ? "Tracking.Recognition.Closed.Title" : "Tracking.Recognition.Title"),
                Text = closed
                    ? cards.Format(lang, "Tracking.Recognition.Closed.Text", label?.Cities ?? "", label?.Name(lang) ?? "", done, partnership.LiveActivities.Count())
                    : cards.Format(lang, "Tracking.Recognition.Text", label?.Cities ?? "", label?.Name(lang) ?? "", partnership.LiveActivities.Count()),
                Actions =
                [
                    new(cards.Get(lang, "Tracking.Recognition.Results"), TrackingVerbs.RecordResults, partnership.Id.ToString(CultureInfo.InvariantCulture)),
                    new(cards.Get(lang, "Tracking.Recognition.Extend"), TrackingVerbs.Extend, partnership.Id.ToString(CultureInfo.InvariantCulture)),
                    new(cards.Get(lang, "Tracking.Recognition.NewArea"), TrackingVerbs.NewArea, partnership.Id.ToString(CultureInfo.InvariantCulture)),
                ],
            }, to.UniversalActions);
            var dueAt = to.Hours.NextSlot(now) ?? now;
            requests.Add(new OutboxRequest($"recognition:{partnership.Id}:{occasion}:{to.Key}", to.Target, TrackingCards.Message(card, lang), dueAt, Topics.Partnership(partnership.Id)));
        }
        await outbox.EnqueueManyAsync(db, requests, cancellationToken);
    }
}
