using CcapBot.Conversations;
using CcapBot.Features.ActionLists;
using CcapBot.Features.Applications;
using CcapBot.Features.CheckIns;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Profile;
using CcapBot.Features.Registration;
using CcapBot.Features.Reminders;
using CcapBot.Features.Results;
using CcapBot.Features.Review;
using CcapBot.Features.Status;
using CcapBot.Features.StatusUpdates;
using CcapBot.Features.Tracking;

namespace CcapBot.Hosting;

/// <summary>Every route the bot answers, in one place, and the forms and commands features offer.</summary>
internal static class Routes
{
    public static RouteTable Build() => new RouteTable()
        .FirstContact<WelcomeHandler>()
        .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
        .Verb<ReviewHandler>(ReviewVerbs.Approve)
        .Verb<ReviewHandler>(ReviewVerbs.Return)
        .Verb<SuggestMentorsHandler>(MatchingVerbs.Show)
        .Verb<SuggestionDecisionHandler>(MatchingVerbs.Confirm)
        .Verb<SuggestionDecisionHandler>(MatchingVerbs.Reject)
        .Verb<PairCitiesHandler>(MatchingVerbs.PairForm)
        .Verb<PairCitiesHandler>(MatchingVerbs.Pair)
        .Verb<LaunchScheduleHandler>(LaunchVerbs.Form)
        .Verb<LaunchScheduleHandler>(LaunchVerbs.Schedule)
        .Verb<LaunchMeetingHandler>(LaunchVerbs.Rsvp)
        .Verb<LaunchMeetingHandler>(LaunchVerbs.Reschedule)
        .Verb<LaunchMeetingHandler>(LaunchVerbs.Cancel)
        .Verb<LaunchMeetingHandler>(LaunchVerbs.Refresh)
        .Verb<ActionListHandler>(ActionListVerbs.Open)
        .Verb<ActionListHandler>(ActionListVerbs.Start)
        .Verb<ActionListHandler>(ActionListVerbs.AddRow)
        .Verb<ActionListHandler>(ActionListVerbs.Propose)
        .Verb<ActionListHandler>(ActionListVerbs.Agree)
        .Verb<ActionListHandler>(ActionListVerbs.Change)
        .Verb<ActionListHandler>(ActionListVerbs.Refresh)
        .Verb<CheckInHandler>(TrackingVerbs.CheckInSubmit)
        .Verb<SnoozeHandler>(TrackingVerbs.Snooze)
        .Verb<OpenPartnershipHandler>(TrackingVerbs.Open)
        .Verb<StatusUpdateHandler>(TrackingVerbs.Reply)
        .Verb<AgreeExtensionHandler>(TrackingVerbs.AgreeExtension)
        .UnknownVerb<FallbackHandler>()
        .Dialogs(dialogs => dialogs
            .Form<ProfileForm>(ProfileForm.Id, ProfileForm.Command)
            .Form<RegistrationForm>(RegistrationForm.Id, RegistrationForm.Command)
            .Form<ApplicationForm>(ApplicationForm.Id, ApplicationForm.Command)
            .Form<WithdrawForm>(WithdrawForm.Id, WithdrawForm.Command)
            .Form<CoordinatorGrantForm>(CoordinatorGrantForm.Id, CoordinatorGrantForm.Command)
            .Command<MyStatusHandler>(MyStatusHandler.Command)
            .Command<ReviewsCommand>(ReviewsCommand.Command)
            .Command<SuggestMentorsHandler>(SuggestMentorsHandler.Command)
            .Command<PairCitiesHandler>(PairCitiesHandler.Command)
            .Command<LaunchScheduleHandler>(LaunchScheduleHandler.Command)
            .Command<ActionListHandler>(ActionListHandler.Command)
            .Form<ResultsForm>(ResultsForm.Id, ResultsForm.Command)
            .Form<ExtendForm>(ExtendForm.Id, ExtendForm.Command)
            .Form<CheckInCadenceForm>(CheckInCadenceForm.Id, CheckInCadenceForm.Command)
            .Command<MyActivitiesHandler>(MyActivitiesHandler.Command)
            .Command<ExportResultsHandler>(ExportResultsHandler.Command)
            .Command<NewAreaHandler>(NewAreaHandler.Command)
            .Command<ClosePartnershipHandler>(ClosePartnershipHandler.Command)
            .Text<StatusUpdateHandler>());
}
