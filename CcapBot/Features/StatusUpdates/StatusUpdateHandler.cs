using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.StatusUpdates;

/// <summary>
/// Status updates said in words. The sentence is read (<see cref="StatusUtterance"/>), the activity found among the
/// speaker's partnerships (by number, or by title words), and the change read back on a card: nothing is stored
/// before a yes. An ambiguous or unknown activity gets a choice instead. The question waits in
/// <see cref="PendingStatusUpdate"/>, so a typed "yes", "2" or "không" answers it as well as the buttons do.
/// </summary>
public sealed partial class StatusUpdateHandler(
    CcapDbContext db,
    ActorResolver actors,
    ActivityChanges changes,
    TrackingCards cards,
    FormText formText,
    ILogger<StatusUpdateHandler> log) : ITextHandler, IActivityHandler
{
    /// <summary>A question older than this is forgotten: a later "yes" is about something else.</summary>
    public static readonly TimeSpan QuestionLifetime = TimeSpan.FromMinutes(30);
    private const int MaxChoices = 8;
    private const string Yes = "yes";
    private const string No = "no";

    public async Task<bool> TryHandleAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var pending = await PendingAsync(turn, cancellationToken);
        if (pending is not null && StatusProposal.FromJson(pending.Proposal) is { } open)
        {
            if (await TypedAnswerAsync(open, text, cancellationToken) is { } answer)
            {
                await AnswerAsync(turn, pending, open, answer, fromCard: false, cancellationToken);
                return true;
            }
            // Something else was said: the question is dropped, and the words taken on their own.
            db.PendingStatusUpdates.Remove(pending);
        }

        if (StatusUtterance.Parse(text) is not { } request) return false;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.CityId is null && !actor.IsCoordinator) return false;
        var lang = turn.Language;
        var candidates = await CandidatesAsync(actor, cancellationToken);
        if (candidates.Count == 0)
        {
            turn.SendText(cards.Get(lang, "Tracking.Update.NoActivities"));
            return true;
        }

        var matches = request.Number is { } number ? [.. candidates.Where(c => c.Number == number)] : new List<Candidate>();
        if (matches.Count > 1 && request.Words.Length > 0 && ActivityMatcher.Best(request.Words, matches, c => c.Title) is { Count: > 0 } narrowed) matches = [.. narrowed];
        if (request.Number is null && request.Words.Length > 0) matches = [.. ActivityMatcher.Best(request.Words, candidates, c => c.Title)];

        var proposal = new StatusProposal { Status = request.Status, Note = request.Note };
        string? why = null;
        if (matches.Count == 1)
        {
            proposal = proposal with { ActivityId = matches[0].Id };
        }
        else
        {
            why = matches.Count > 1 ? "Tracking.Update.Ambiguous" : request.Number is null && request.Words.Length == 0 ? "Tracking.Update.Which" : "Tracking.Update.Unknown";
            proposal = proposal with { Candidates = [.. (matches.Count > 1 ? matches : candidates).OrderBy(c => c.PartnershipId).ThenBy(c => c.Number).Select(c => c.Id)] };
        }
        LogProposed(log, proposal.ActivityId is null ? matches.Count : 1, request.Status);
        var question = Ask(turn, pending, proposal);
        turn.SendCard(await QuestionCardAsync(turn, question, proposal, why, candidates, cancellationToken));
        return true;
    }

    /// <summary>A button of a question card (verb <see cref="TrackingVerbs.Reply"/>).</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var parts = TrackingTurns.Arg(turn)?.Split('|', 2);
        var pending = await PendingAsync(turn, cancellationToken);
        if (parts is not [var token, var answer] || pending is null || pending.Token != token || StatusProposal.FromJson(pending.Proposal) is not { } open)
        {
            TrackingTurns.Say(turn, cards.Get(turn.Language, "Tracking.Update.NoLongerOpen"));
            return;
        }
        await AnswerAsync(turn, pending, open, answer, fromCard: true, cancellationToken);
    }

    private async Task AnswerAsync(TurnContext turn, PendingStatusUpdate pending, StatusProposal proposal, string answer, bool fromCard, CancellationToken cancellationToken)
    {
        var lang = turn.Language;
        if (answer == No)
        {
            db.PendingStatusUpdates.Remove(pending);
            Reply(turn, fromCard, cards.Notice(new NoticeCardData { Title = cards.Get(lang, "Tracking.Update.Title"), Outcome = cards.Get(lang, "Tracking.Update.NotChanged"), OutcomeColor = "Default" }, turn.SupportsUniversalActions));
            return;
        }
        if (answer.StartsWith("a:", StringComparison.Ordinal) && TrackingTurns.Number(answer[2..]) is { } chosen && proposal.Candidates.Contains(chosen))
        {
            var narrowed = proposal with { ActivityId = chosen, Candidates = [] };
            Ask(turn, pending, narrowed);
            var actor = await actors.ResolveAsync(turn, cancellationToken);
            Reply(turn, fromCard, await QuestionCardAsync(turn, pending, narrowed, null, await CandidatesAsync(actor, cancellationToken), cancellationToken));
            return;
        }
        if (answer != Yes || proposal.ActivityId is not { } activityId)
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.Update.ChooseOne"));
            return;
        }

        db.PendingStatusUpdates.Remove(pending);
        var partnership = await db.Partnerships.WithAggregate().FirstOrDefaultAsync(p => p.Activities.Any(a => a.Id == activityId), cancellationToken);
        var who = await actors.ResolveAsync(turn, cancellationToken);
        if (partnership is null || !TrackingTurns.MayAct(who, partnership))
        {
            LogRefused(log, activityId);
            Reply(turn, fromCard, Outcome(turn, cards.Get(lang, "Tracking.NotYourPartnership"), "Attention", []));
            return;
        }
        var activity = partnership.Activities.First(a => a.Id == activityId);
        ChangeOutcome outcome;
        try
        {
            outcome = await changes.ApplyAsync(partnership, TrackingTurns.For(who, partnership), [new ActivityChange(activityId, proposal.Status, proposal.Note)], turn.Activity.ChannelId ?? "", turn.Now, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            Reply(turn, fromCard, Outcome(turn, StatusUpdateText.Refusal(cards, lang, e), "Attention", []));
            return;
        }
        Audit.Record(db, who, turn.Now, "activity.update", "PartnershipActivity", activityId,
            JsonSerializer.SerializeToElement(new TrackingAudit(ActivityId: activityId, Status: proposal.Status.ToString(), Channel: turn.Activity.ChannelId), TrackingJsonContext.Default.TrackingAudit));
        var heading = cards.ActivityHeading(lang, activity.Number, activity.Title);
        var text = outcome.Updates.Count == 0
            ? cards.Format(lang, "Tracking.Update.AlreadySo", heading, cards.Status(lang, activity.Status))
            : cards.Format(lang, "Tracking.Update.Saved", heading, cards.Status(lang, activity.Status));
        if (outcome.Completed) text += "\n\n" + cards.Get(lang, "Tracking.Completed");
        var facts = outcome.Updates.Select(u => new CardFact(heading, StatusUpdateText.Change(cards, lang, u.Update.FromStatus, u.Update.ToStatus, u.Update.Note))).ToList();
        Reply(turn, fromCard, Outcome(turn, text, "Good", facts));
        LogStored(log, activityId, proposal.Status);
    }

    /// <summary>Yes, no, or a choice typed in answer to the open question; null when the words are about something else.</summary>
    private async Task<string?> TypedAnswerAsync(StatusProposal proposal, string text, CancellationToken cancellationToken)
    {
        var folded = TextMatching.Fold(text);
        if (folded.Length == 0) return null;
        if (formText.Words("Dialog.NoWords").Any(w => TextMatching.Fold(w) == folded)) return No;
        if (proposal.ActivityId is not null)
            return formText.Words("Dialog.YesWords").Any(w => TextMatching.Fold(w) == folded) ? Yes : null;
        if (proposal.Candidates.Count == 0) return null;
        var options = await db.PartnershipActivities.AsNoTracking().Where(a => EF.Parameter(proposal.Candidates.ToList()).Contains(a.Id))
            .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(cancellationToken);
        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            // The activity's own number first ("2" = activity 2); else the position in the list shown.
            var byNumber = options.Where(o => o.Number == n).ToList();
            if (byNumber.Count == 1) return $"a:{byNumber[0].Id}";
            var shown = proposal.Candidates.Take(MaxChoices).ToList();
            return n >= 1 && n <= shown.Count && byNumber.Count == 0 ? $"a:{shown[n - 1]}" : null;
        }
        return ActivityMatcher.Best(text, options, o => o.Title) is [var only] ? $"a:{only.Id}" : null;
    }

    private async Task<PendingStatusUpdate?> PendingAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var member = turn.Member;
        var pending = await db.PendingStatusUpdates.FirstOrDefaultAsync(p => p.ChannelId == member.ChannelId && p.ConversationId == member.ConversationId && p.UserId == member.UserId, cancellationToken);
        if (pending is not null && turn.Now - pending.CreatedAt > QuestionLifetime)
        {
            db.PendingStatusUpdates.Remove(pending);
            return null;
        }
        return pending;
    }

    /// <summary>Stores the question (replacing any earlier one, even one dropped earlier in this turn) under a new token.</summary>
    private PendingStatusUpdate Ask(TurnContext turn, PendingStatusUpdate? existing, StatusProposal proposal)
    {
        var member = turn.Member;
        var entry = existing is not null ? db.Entry(existing)
            : db.ChangeTracker.Entries<PendingStatusUpdate>().FirstOrDefault(e => e.Entity.ChannelId == member.ChannelId && e.Entity.ConversationId == member.ConversationId && e.Entity.UserId == member.UserId);
        PendingStatusUpdate pending;
        if (entry is null)
        {
            pending = new PendingStatusUpdate { ChannelId = member.ChannelId, ConversationId = member.ConversationId, UserId = member.UserId, Token = "", Proposal = "" };
            db.PendingStatusUpdates.Add(pending);
        }
        else
        {
            pending = entry.Entity;
            if (entry.State == EntityState.Deleted) entry.State = EntityState.Modified;
        }
        pending.Token = Guid.NewGuid().ToString("N")[..16];
        pending.Proposal = proposal.ToJson();
        pending.CreatedAt = turn.Now;
        return pending;
    }

    private async Task<JsonElement> QuestionCardAsync(TurnContext turn, PendingStatusUpdate pending, StatusProposal proposal, string? why, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var lang = turn.Language;
        var status = cards.Status(lang, proposal.Status);
        if (proposal.ActivityId is { } id && candidates.FirstOrDefault(c => c.Id == id) is { } activity)
        {
            var labels = await PartnershipLabel.LoadAsync(db, [activity.PartnershipId], cancellationToken);
            var facts = new List<CardFact>
            {
                new(cards.Get(lang, "Tracking.Fact.Activity"), cards.ActivityHeading(lang, activity.Number, activity.Title)),
                new(cards.Get(lang, "Tracking.Fact.Status"), StatusUpdateText.Change(cards, lang, activity.Status, proposal.Status, null)),
            };
            if (proposal.Note is { } note) facts.Add(new(cards.Get(lang, "Tracking.Fact.Note"), note));
            return cards.Notice(new NoticeCardData
            {
                Title = cards.Format(lang, "Tracking.Update.ConfirmTitle", activity.Number, status),
                Text = labels.GetValueOrDefault(activity.PartnershipId)?.Name(lang) ?? "",
                Facts = facts,
                Actions =
                [
                    new(cards.Get(lang, "Tracking.Update.Yes"), TrackingVerbs.Reply, $"{pending.Token}|{Yes}"),
                    new(cards.Get(lang, "Tracking.Update.No"), TrackingVerbs.Reply, $"{pending.Token}|{No}"),
                ],
            }, turn.SupportsUniversalActions);
        }

        var shown = proposal.Candidates.Select(c => candidates.FirstOrDefault(x => x.Id == c)).OfType<Candidate>().Take(MaxChoices).ToList();
        var names = await PartnershipLabel.LoadAsync(db, [.. shown.Select(c => c.PartnershipId)], cancellationToken);
        var several = shown.Select(c => c.PartnershipId).Distinct().Count() > 1;
        return cards.Notice(new NoticeCardData
        {
            Title = cards.Format(lang, why ?? "Tracking.Update.Which", status),
            Text = proposal.Candidates.Count > MaxChoices ? cards.Format(lang, "Tracking.Update.MoreChoices", proposal.Candidates.Count - MaxChoices) : "",
            Facts = proposal.Note is { } n ? [new(cards.Get(lang, "Tracking.Fact.Note"), n)] : [],
            Actions =
            [
                .. shown.Select(c => new CardButton(
                    cards.ActivityHeading(lang, c.Number, c.Title) + (several ? $" ({names.GetValueOrDefault(c.PartnershipId)?.Cities})" : ""),
                    TrackingVerbs.Reply, $"{pending.Token}|a:{c.Id.ToString(CultureInfo.InvariantCulture)}")),
                new(cards.Get(lang, "Tracking.Update.NoneOfThese"), TrackingVerbs.Reply, $"{pending.Token}|{No}"),
            ],
        }, turn.SupportsUniversalActions);
    }

    private JsonElement Outcome(TurnContext turn, string text, string color, IReadOnlyList<CardFact> facts) =>
        cards.Notice(new NoticeCardData { Title = cards.Get(turn.Language, "Tracking.Update.Title"), Facts = facts, Outcome = text, OutcomeColor = color }, turn.SupportsUniversalActions);

    /// <summary>From a button: the question card becomes the outcome. Typed: the outcome is a new card.</summary>
    private static void Reply(TurnContext turn, bool fromCard, JsonElement card)
    {
        if (fromCard) TrackingTurns.Replace(turn, card);
        else turn.SendCard(card);
    }

    /// <summary>The live activities of the active partnerships the person may update: their city's, or every one for a coordinator.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = db.PartnershipActivities.AsNoTracking()
            .Where(a => a.RemovedAt == null && db.Partnerships.Any(p => p.Id == a.PartnershipId && p.Status == PartnershipStatus.Active));
        if (actor.CityId is { } city) query = query.Where(a => db.PartnershipCities.Any(c => c.PartnershipId == a.PartnershipId && c.CityId == city));
        else if (!actor.IsCoordinator) return [];
        return await query.Select(a => new Candidate(a.Id, a.PartnershipId, a.Number, a.Title, a.Status)).ToListAsync(cancellationToken);
    }

    private sealed record Candidate(int Id, int PartnershipId, int Number, string Title, ActivityStatus Status);

    [LoggerMessage(EventId = 7230, Level = LogLevel.Debug, Message = "Status update read: {Matches} matching activit(ies), status {Status}")]
    private static partial void LogProposed(ILogger logger, int matches, ActivityStatus status);

    [LoggerMessage(EventId = 7231, Level = LogLevel.Information, Message = "Activity {ActivityId} set to {Status} in chat")]
    private static partial void LogStored(ILogger logger, int activityId, ActivityStatus status);

    [LoggerMessage(EventId = 7232, Level = LogLevel.Warning, Message = "Status update of activity {ActivityId} refused: not a participant")]
    private static partial void LogRefused(ILogger logger, int activityId);
}
