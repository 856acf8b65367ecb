using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Matching;

/// <summary>
/// Confirm or Reject on the suggestions card. Confirm creates the partnership (the suggested mentor city and the
/// application's city, with the purpose and area on the card) and tells every representative of both cities;
/// Reject needs a reason. Either way every coordinator's copy of the card shows the decision.
/// </summary>
public sealed partial class SuggestionDecisionHandler(
    CcapDbContext db, ActorResolver actors, SuggestionCards suggestionCards, PartnershipCreation creation,
    PartneringText text, ILogger<SuggestionDecisionHandler> log) : IActivityHandler
{
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
        var suggestion = inputs.Number("suggestion") is { } id ? await db.MatchSuggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (suggestion is null)
        {
            CardReply.Say(turn, text.Get(language, "Matching.NoSuggestion"));
            return;
        }
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        if (turn.Verb == MatchingVerbs.Confirm) await ConfirmAsync(turn, actor, reader, suggestion, inputs, cancellationToken);
        else await RejectAsync(turn, actor, reader, suggestion, inputs, cancellationToken);
    }

    private async Task ConfirmAsync(TurnContext turn, Actor actor, Recipient reader, MatchSuggestion suggestion, CardInputs inputs, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (suggestion is { Status: MatchSuggestionStatus.Confirmed, PartnershipId: { } made })
        {
            // Pressed twice, or the turn ran again after a conflict: the partnership exists; make sure everyone was told.
            var existing = await PartnershipContext.LoadAsync(db, made, cancellationToken);
            if (existing is not null) await creation.CompleteAsync(existing.Partnership, actor, "suggestion", turn.Now, cancellationToken);
            await ShowAsync(turn, reader, suggestion.LearningApplicationId, cancellationToken);
            return;
        }
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == suggestion.LearningApplicationId, cancellationToken);
        if (application is null) return;
        if (await SuggestionView.LivePartnershipAsync(db, application.Id, cancellationToken) is { } live)
        {
            CardReply.Say(turn, text.Format(language, "Matching.AlreadyPartnered", application.Id, live));
            return;
        }

        var view = await SuggestionView.LoadAsync(db, application.Id, cancellationToken);
        var purpose = inputs.Text(SuggestionCards.PurposeInput(suggestion.Id)) ?? (view is null ? "" : suggestionCards.DefaultPurpose(view, language));
        var category = inputs.Text(SuggestionCards.CategoryInput(suggestion.Id)) is { } chosen && application.Categories.Contains(chosen)
            ? chosen
            : application.Categories.FirstOrDefault() ?? "";
        var partnershipActor = actor.ForPartnership();
        Partnership partnership;
        try
        {
            partnership = Partnership.Propose(purpose, category,
                new PartnershipMember(suggestion.CandidateCityId, suggestion.MentorApplicationId),
                [new PartnershipMember(application.CityId, application.Id)], partnershipActor, turn.Now);
            partnership.Confirm(partnershipActor, turn.Now);
            suggestion.Confirm(partnershipActor, partnership, turn.Now);
        }
        catch (DomainRuleException e)
        {
            CardReply.Say(turn, text.Refusal(e.Violations, language));
            return;
        }

        var created = await creation.CompleteAsync(partnership, actor, "suggestion", turn.Now, cancellationToken);
        LogConfirmed(log, suggestion.Id, partnership.Id);
        await suggestionCards.UpdateCopiesAsync(db, application.Id, cancellationToken);
        await ShowAsync(turn, reader, application.Id, cancellationToken);
        turn.SendCard(creation.CoordinatorCard(created, language, turn.SupportsUniversalActions));
    }

    private async Task RejectAsync(TurnContext turn, Actor actor, Recipient reader, MatchSuggestion suggestion, CardInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            suggestion.Reject(actor.ForPartnership(), inputs.Text(SuggestionCards.ReasonInput(suggestion.Id)) ?? "", turn.Now);
        }
        catch (DomainRuleException e)
        {
            CardReply.Say(turn, text.Refusal(e.Violations, turn.Language));
            return;
        }
        Audit.Record(db, actor, turn.Now, "suggestion.rejected", nameof(MatchSuggestion), suggestion.Id);
        LogRejected(log, suggestion.Id);
        await suggestionCards.UpdateCopiesAsync(db, suggestion.LearningApplicationId, cancellationToken);
        await ShowAsync(turn, reader, suggestion.LearningApplicationId, cancellationToken);
    }

    private async Task ShowAsync(TurnContext turn, Recipient reader, int applicationId, CancellationToken cancellationToken)
    {
        if (await suggestionCards.CardAsync(db, applicationId, reader, rank: false, cancellationToken) is { } card) CardReply.Replace(turn, card);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Suggestion {SuggestionId} confirmed: partnership {PartnershipId}")]
    private static partial void LogConfirmed(ILogger logger, int suggestionId, int partnershipId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Suggestion {SuggestionId} rejected")]
    private static partial void LogRejected(ILogger logger, int suggestionId);
}
