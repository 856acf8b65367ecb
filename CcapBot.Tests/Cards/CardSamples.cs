using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Cards;
using CcapBot.Conversations.Dialogs;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Review;
using CcapBot.Features.Tracking;

namespace CcapBot.Tests.Cards;

/// <summary>
/// Sample data for every template in cards/, serialized by the same source-generated contexts the app uses.
/// A template without samples fails the oracle test: add its samples here when you add a template.
/// Samples include hostile user text, which must come out as plain values.
/// </summary>
internal static class CardSamples
{
    /// <summary>Text a user could type that would break a card if it were spliced into JSON or re-read as a template.</summary>
    public const string Hostile = "Nguyễn \"Lan\" ${$root.instance} }]} <at>x</at> \\u0000 `tick`";

    private static readonly Dictionary<string, IReadOnlyList<(string Case, JsonNode Data)>> Engine = new()
    {
        ["welcome"] =
        [
            ("en", Node(new WelcomeCardData("Welcome", "Body text", "Register my city", "What can I do?", "Tiếng Việt", "vi"), OnboardingJsonContext.Default.WelcomeCardData)),
        ],
        ["form-prompt"] =
        [
            ("single choice", Node(Prompt() with { Options = [new("English", "en"), new("Tiếng Việt", "vi")], Current = "Current answer: English" }, Ctx.PromptCardData)),
            ("multi with other, error and help", Node(Prompt() with
            {
                Multi = true, Choices = [new("Email", "email"), new("Webinars", "webinars")], Selected = "email", AllowOther = true,
                OtherLabel = "Other (optional)", OtherValue = Hostile, Error = "Please choose one of: 1. Email", Help = "Pick one or more.\n\n1. Email\n2. Webinars",
                CanSkip = true, CanGoBack = true,
            }, Ctx.PromptCardData)),
            ("answered", Node(Prompt() with { Answered = Hostile }, Ctx.PromptCardData)),
            ("keep button", Node(Prompt() with { Options = [new("Keep 09:00", "09:00")], Current = "Suggested: 09:00" }, Ctx.PromptCardData)),
        ],
        ["form"] =
        [
            ("every input kind", Node(FormCard([
                Field("text", "f_name") with { Value = Hostile, MaxLength = 80, Style = "Text" },
                Field("text", "f_email") with { Style = "Email", Regex = @"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$", Error = "That doesn't look like an email address." },
                Field("text", "f_notes") with { Multiline = true, MaxLength = 2000, IsRequired = false },
                Field("number", "f_staff") with { Number = 12, Min = 0, Max = 1000 },
                Field("date", "f_away") with { Value = "2026-03-15", IsRequired = false },
                Field("time", "f_start") with { Value = "09:00" },
                Field("choice", "f_language") with { Choices = [new("English", "en"), new("Tiếng Việt", "vi")], Value = "vi", Style = "expanded" },
                Field("choice", "f_ways") with { MultiSelect = true, Choices = [new("Email", "email"), new("Webinars", "webinars")], Value = "email,webinars", Style = "compact", HasOther = true, OtherId = "f_ways_other", OtherLabel = "Ways: other", OtherValue = "study tours" },
                Field("choice", "f_country") with { Choices = [new("Viet Nam", "VN"), new("Thailand", "TH")], Placeholder = "Choose…", Style = "compact" },
            ], error: "Please fix 1 field(s) marked below."), Ctx.FormCardData)),
        ],
        ["form-summary"] =
        [
            ("open", Node(Summary(open: true, status: ""), Ctx.SummaryCardData)),
            ("saved", Node(Summary(open: false, status: "✔ Saved") with { StatusColor = "Good" }, Ctx.SummaryCardData)),
        ],
        ["dialog-question"] =
        [
            ("open", Node(new QuestionCardData { Question = "Cancel My profile?", Detail = "The answers will be discarded.", Options = [new("Yes, cancel", "yes"), new("No, keep going", "no")], Instance = "abc123", Step = 4 }, Ctx.QuestionCardData)),
            ("answered", Node(new QuestionCardData { Question = $"Did you mean \"Cancel\", or is \"{Hostile}\" your answer?", Answered = "Cancel", Options = [new("Cancel", "command"), new("Use it", "answer")], Instance = "abc123", Step = 5 }, Ctx.QuestionCardData)),
        ],
        ["help"] =
        [
            ("commands", Node(new HelpCardData
            {
                Title = "What I can do", Intro = "Type a command:", Tips = "Typos are fine.",
                Commands = [new("My profile", "Your settings", "profile"), new("Help", "What I can do", "help")],
                Buttons = [new("My profile", "profile")],
            }, Ctx.HelpCardData)),
            ("no buttons", Node(new HelpCardData { Title = "Help", Commands = [new("Cancel", "Stop", "cancel")] }, Ctx.HelpCardData)),
        ],
        ["notice"] =
        [
            ("facts and buttons", Node(new NoticeCardData
            {
                Title = "New C3 partnership #7", Text = "Kitakyushu → Hai Phong", Color = "Good",
                Facts = [new("Mentor city", "Kitakyushu (JP, Asia/Tokyo)"), new("Purpose", Hostile)],
                Note = "Next: schedule the launch meeting.",
                Actions = [new("Schedule the launch meeting", "launch.form", Partnership: 7)],
            }, NoticeJsonContext.Default.NoticeCardData)),
            ("list of items", Node(new NoticeCardData
            {
                Title = "Learning applications waiting for a mentor",
                Items = [new("#12 Hai Phong (VN)", "Developing an emissions inventory · approved", [new("Suggest mentors", "matching.show", Application: 12)]),
                    new(Hostile, "", [])],
            }, NoticeJsonContext.Default.NoticeCardData)),
            ("title only", Node(new NoticeCardData { Title = "Nothing here" }, NoticeJsonContext.Default.NoticeCardData)),
            ("reminder", Node(new NoticeCardData
            {
                Title = "Due today: activity 3, " + Hostile, Text = "This activity is due today.",
                Facts = [new("Partnership", "Kitakyushu ⇄ Hai Phong · Emissions inventory"), new("Note", Hostile)],
                Actions = [new("Open", "tracking.open", "12"), new("Snooze 1 day", "tracking.snooze", "1|tracking.activity:7|due0:7:20270301:r3")],
            }, NoticeJsonContext.Default.NoticeCardData)),
            ("meeting with link", Node(new NoticeCardData
            {
                Title = "Launch meeting tomorrow", Facts = [new("Starts", "Tue 2 Mar 2027 09:00 (Asia/Ho_Chi_Minh)")],
                Links = [new("Join the meeting", "https://teams.microsoft.com/l/meetup-join/abc")], Actions = [new("Open", "tracking.open", "12")],
            }, NoticeJsonContext.Default.NoticeCardData)),
            ("outcome, no buttons", Node(new NoticeCardData { Title = "Activity update", Outcome = "✔ Saved: " + Hostile, OutcomeColor = "Attention" }, NoticeJsonContext.Default.NoticeCardData)),
        ],
        ["tracking-checkin"] =
        [
            ("two activities", Node(new CheckInCardData
            {
                Title = "Check-in: Kitakyushu ⇄ Hai Phong", Intro = "How are your activities going?", Error = "",
                Activities = [new("#1 " + Hostile, "due Mon 1 Mar 2027 (today)", "status_11", "note_11", "InProgress"), new("#3 Questionnaire", "due Thu 1 Apr 2027 (in 31 days)", "status_13", "note_13", "NotStarted")],
                Choices = [new("Not started", "NotStarted"), new("In progress", "InProgress"), new("Done", "Done"), new("Blocked", "Blocked")],
                StatusLabel = "Status", NoteLabel = "Note", NotePlaceholder = "What happened (optional)", SubmitLabel = "Submit", Arg = "12:202703010900",
                Snoozes = [new("Snooze 1 day", "tracking.snooze", "1|tracking.checkin:12|checkin:12:202703010900:r3")],
            }, Tracking.CheckInCardData)),
            ("with error", Node(new CheckInCardData
            {
                Title = "Check-in", Intro = "Intro", Error = "A note is too long.", Activities = [new("#2 Inventory", "due today", "status_2", "note_2", "Blocked")],
                Choices = [new("Done", "Done")], StatusLabel = "Status", NoteLabel = "Note", NotePlaceholder = "", SubmitLabel = "Submit", Arg = "1:x",
            }, Tracking.CheckInCardData)),
        ],
        ["tracking-overview"] =
        [
            ("digest", Node(new OverviewCardData
            {
                Title = "Weekly digest", Text = "3 active partnerships · 4 of 18 activities done",
                Sections = [new("Kitakyushu ⇄ Hai Phong · Emissions inventory", "2 of 6 activities done", [new("Overdue", "#2 " + Hostile), new("Blocked", "#4 Funding")])],
                Footer = "…and 2 more partnerships on track.", Actions = [new("Snooze 1 week", "tracking.snooze", "7|tracking.digest|digest:20270301:c:msteams:29:c")],
            }, Tracking.OverviewCardData)),
            ("empty", Node(new OverviewCardData { Title = "Your activities", Text = "There are no activities being implemented.", Sections = [] }, Tracking.OverviewCardData)),
        ],
        ["review"] =
        [
            ("open registration", Node(ReviewSample() with { Open = true }, Rc.ReviewCardData)),
            ("approved application", Node(ReviewSample() with
            {
                Title = "C3 learning request: Haiphong, Viet Nam", Subject = "application", Id = 7, Status = "✔ Approved by Lan on 3/3/2026 10:05 AM", StatusColor = "Good",
            }, Rc.ReviewCardData)),
            ("returned with a hostile reason", Node(ReviewSample() with { Status = "↩ Returned by Lan on 3/3/2026 10:05 AM. Reason: " + Hostile, StatusColor = "Warning" }, Rc.ReviewCardData)),
        ],
        ["review-outcome"] =
        [
            ("approved with buttons", Node(new OutcomeCardData
            {
                Title = "Registration approved", Color = "Good", Text = "Welcome to CCAP! The registration of Haiphong was approved by Lan.",
                Buttons = [new("Ask for a mentor city", "apply", Kind: "learning"), new("Offer to mentor", "apply", Kind: "mentor"), new("My status", "status")],
            }, Rc.OutcomeCardData)),
            ("returned with reason", Node(new OutcomeCardData
            {
                Title = "Application returned", Color = "Warning", Text = "Lan returned the learning request of Haiphong with a comment.", Reason = Hostile,
                ReasonLabel = "Coordinator's comment", Buttons = [new("Edit and resubmit", "apply", Resubmit: 7)],
            }, Rc.OutcomeCardData)),
            ("no buttons", Node(new OutcomeCardData { Title = "Done", Text = "Nothing to do." }, Rc.OutcomeCardData)),
        ],
        ["my-status"] =
        [
            ("representative", Node(new StatusCardData
            {
                Title = "My status",
                Sections =
                [
                    new("You", [new("Your id", "dl_0f8fad5b-d9cb-469f-a165-70867728950e"), new("Role", "Representative of Haiphong")]),
                    new("Applications", [new("No. 1: learning request", Hostile)]),
                ],
                Buttons = [new("Ask for a mentor city", "apply", Kind: "learning"), new("Correct application no. 1", "apply", Resubmit: 1), new("Withdraw an application", "withdraw")],
            }, Rc.StatusCardData)),
            ("not registered", Node(new StatusCardData
            {
                Title = "My status", Intro = "You have not registered a city yet.", Sections = [new("You", [new("Your id", "29:abc")])],
                Buttons = [new("Register my city", "register")],
            }, Rc.StatusCardData)),
            ("no buttons", Node(new StatusCardData { Title = "My status", Sections = [] }, Rc.StatusCardData)),
        ],
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<(string Case, JsonNode Data)>> All { get; } =
        Engine.Concat(PartneringCardSamples.All).ToDictionary();

    private static TrackingJsonContext Tracking => TrackingJsonContext.Default;

    private static DialogCardsJsonContext Ctx => DialogCardsJsonContext.Default;

    private static ReviewCardsJsonContext Rc => ReviewCardsJsonContext.Default;

    private static ReviewCardData ReviewSample() => new()
    {
        Title = "New city registration: Haiphong, Viet Nam", Subtitle = $"Sent by {Hostile} (lan@example.org) on 3/3/2026 9:00 AM",
        Facts = [new("City", "Haiphong"), new("Agency", Hostile), new("Phone", "—")],
        ReasonLabel = "Reason (required to return)", ReasonPlaceholder = "What should the applicant change?", ReasonError = "Please give a reason.",
        ApproveLabel = "Approve", ReturnLabel = "Return", Subject = "registration", Id = 12, Round = "639000000000000000",
    };

    private static JsonNode Node<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type)!;

    private static PromptCardData Prompt() => new()
    {
        Title = "My profile · question 2 of 7", Question = "What is your email address?", FormLabel = "Show as one form", CancelLabel = "Cancel",
        DoneLabel = "Done", SkipLabel = "Skip", BackLabel = "Back", Instance = "abc123", Step = 3, Field = "email",
    };

    private static FormFieldData Field(string kind, string id) => new() { Id = id, Kind = kind, Label = id[2..], IsRequired = true, ErrorMessage = $"Please fill in \"{id[2..]}\"." };

    private static FormCardData FormCard(IReadOnlyList<FormFieldData> fields, string error) => new()
    {
        Title = "My profile", Intro = "Fill in the fields.", Error = error, Fields = fields, SubmitLabel = "Submit", ChatLabel = "Answer one by one",
        CancelLabel = "Cancel", Instance = "abc123", Step = 7,
    };

    private static SummaryCardData Summary(bool open, string status) => new()
    {
        Title = "My profile", Intro = open ? "Please check your answers." : "", Open = open, Status = status,
        Rows = [new("Display name", CardSamples.Hostile, "displayName"), new("Away until", "—", "awayUntil")],
        ConfirmLabel = "Confirm", CancelLabel = "Cancel", EditLabel = "Edit", Instance = "abc123", Step = 9,
    };
}
