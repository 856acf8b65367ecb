using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Matching;

/// <summary>
/// "suggest mentors for 12" (or the button on a list of applications): the suggestions card for that learning
/// application, ranked again now. Without a number: the learning applications still waiting for a mentor.
/// Coordinators only.
/// </summary>
public sealed class SuggestMentorsHandler(
    CcapDbContext db, ActorResolver actors, SuggestionCards suggestionCards, CardBinder cards, PartneringText text) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("suggestMentors", TakesNumber: true);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.CoordinatorOnly)], language));
            return;
        }
        var inputs = CardInputs.Of(turn.SubmitData);
        var applicationId = turn.Verb == MatchingVerbs.Show ? inputs.Number("application") : turn.CommandNumber;
        if (applicationId is not { } id)
        {
            CardReply.Send(turn, await WaitingApplicationsAsync(language, turn.SupportsUniversalActions, cancellationToken), text.Get(language, "Partnering.Shown"));
            return;
        }
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        // Ranking saves the suggestions mid-turn: inside the turn's transaction, so they commit with the turn or not at all.
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        if (await suggestionCards.CardAsync(db, id, reader, rank: true, cancellationToken) is not { } card)
        {
            CardReply.Say(turn, text.Format(language, "Matching.NoApplication", id));
            return;
        }
        if (turn.Verb == MatchingVerbs.Show && inputs.Flag("refresh", absent: false)) CardReply.Replace(turn, card);
        else CardReply.Send(turn, card, text.Get(language, "Partnering.Shown"));
    }

    /// <summary>Open learning applications not yet in a partnership, oldest first.</summary>
    private async Task<System.Text.Json.JsonElement> WaitingApplicationsAsync(string language, bool universalActions, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Include(a => a.City)
            .Where(a => a.Kind == ApplicationKind.Learning && (a.Status == ReviewStatus.Submitted || a.Status == ReviewStatus.Approved))
            .Where(a => !db.Partnerships.Any(p => p.Status != PartnershipStatus.Cancelled && p.Status != PartnershipStatus.Closed
                && p.Cities.Any(c => c.Role == PartnershipRole.Learning && c.ApplicationId == a.Id)))
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        var categories = await db.ActionCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name(language), cancellationToken);
        var data = new NoticeCardData
        {
            Title = text.Get(language, "Matching.Waiting.Title"),
            Text = applications.Count == 0 ? text.Get(language, "Matching.Waiting.None") : text.Get(language, "Matching.Waiting.Text"),
            Items = [.. applications.Select(a => new NoticeItem(
                text.Format(language, "Matching.Waiting.Item", a.Id, a.City?.Name, a.City?.CountryCode),
                string.Join(", ", a.Categories.Select(c => categories.GetValueOrDefault(c, c))) + " · " + text.Get(language, "Partnering.Review." + a.Status),
                [new CardButton(text.Get(language, "Matching.Waiting.Suggest"), MatchingVerbs.Show, Application: a.Id)]))],
        };
        return cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, universalActions);
    }
}
