using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Profile;
using CcapBot.Hosting;
using CcapBot.Localization;
using CcapBot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Conversations.Dialogs;

/// <summary>A form of one field, to drive one field type through the real engine ("start {id}" starts it).</summary>
public abstract class SingleFieldForm(FieldDefinition field) : IForm
{
    public FormDefinition Definition { get; } = new() { Id = "t-" + field.Id, Fields = [field] };

    public Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(new Dictionary<string, JsonElement>());

    public Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken) => Task.FromResult("done");
}

public sealed class ShortTextForm() : SingleFieldForm(Field.ShortText("shorttext", maxLength: 10));
public sealed class LongTextForm() : SingleFieldForm(Field.LongText("longtext", maxLength: 30));
public sealed class EmailForm() : SingleFieldForm(Field.Email("email"));
public sealed class PhoneForm() : SingleFieldForm(Field.Phone("phone"));
public sealed class ChoiceForm() : SingleFieldForm(Field.Choice("choice", "learning", "mentor", "both"));
public sealed class MultiForm() : SingleFieldForm(Field.MultiChoice("multi", allowOther: true, "email", "webinars", "studytour"));
public sealed class DateForm() : SingleFieldForm(Field.Date("date"));
public sealed class MonthForm() : SingleFieldForm(Field.Month("month"));
public sealed class TimeForm() : SingleFieldForm(Field.Time("time"));
public sealed class NumberForm() : SingleFieldForm(Field.WholeNumber("number", 1, 200));
public sealed class YesNoForm() : SingleFieldForm(Field.YesNo("yesno"));
public sealed class TimeZoneForm() : SingleFieldForm(Field.TimeZone("timezone"));
public sealed class CountryForm() : SingleFieldForm(Field.Country("country"));
public sealed class LanguagesForm() : SingleFieldForm(Field.Languages("languages"));
public sealed class OptionalDateForm() : SingleFieldForm(Field.Date("optdate").Optional().Check(Rules.NotInPast()));

/// <summary>Two free-text questions: whatever order two racing turns commit in, both answers are kept.</summary>
public sealed class TwoTextForm : IForm
{
    public FormDefinition Definition { get; } = new() { Id = "t-twotext", Fields = [Field.ShortText("first"), Field.ShortText("second")] };

    public Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(new Dictionary<string, JsonElement>());

    public Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken) => Task.FromResult("done");
}

/// <summary>A form with a condition: the partner city is asked only of mentors.</summary>
public sealed class ConditionalForm : IForm
{
    public FormDefinition Definition { get; } = new()
    {
        Id = "t-conditional",
        Fields =
        [
            Field.Choice("role", "learning", "mentor"),
            Field.ShortText("city").When(FieldCondition.Is("role", "mentor")),
            Field.WholeNumber("staff", 1, 50),
        ],
    };

    public Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(new Dictionary<string, JsonElement>());

    public Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken) => Task.FromResult("done");
}

/// <summary>The real app with the test forms added (their strings generated in both languages) and a fixed clock.</summary>
public static class TestForms
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero); // 10:00 in Viet Nam

    private static readonly (Type Type, string Id, string[] Choices)[] Forms =
    [
        (typeof(ShortTextForm), "shorttext", []), (typeof(LongTextForm), "longtext", []), (typeof(EmailForm), "email", []),
        (typeof(PhoneForm), "phone", []), (typeof(ChoiceForm), "choice", ["learning", "mentor", "both"]),
        (typeof(MultiForm), "multi", ["email", "webinars", "studytour"]), (typeof(DateForm), "date", []), (typeof(MonthForm), "month", []),
        (typeof(TimeForm), "time", []), (typeof(NumberForm), "number", []), (typeof(YesNoForm), "yesno", []),
        (typeof(TimeZoneForm), "timezone", []), (typeof(CountryForm), "country", []), (typeof(LanguagesForm), "languages", []),
        (typeof(OptionalDateForm), "optdate", []), (typeof(ConditionalForm), "conditional", []), (typeof(TwoTextForm), "twotext", []),
    ];

    private static readonly Dictionary<string, (string En, string Vi)> ChoiceTitles = new()
    {
        ["learning"] = ("Learning city", "Thành phố học hỏi"), ["mentor"] = ("Mentor city", "Thành phố cố vấn"), ["both"] = ("Both", "Cả hai"),
        ["email"] = ("Email", "Thư điện tử"), ["webinars"] = ("Webinars", "Hội thảo trực tuyến"), ["studytour"] = ("Study tour", "Chuyến tham quan học tập"),
    };

    public static CcapBotFactory Configure(CcapBotFactory bot)
    {
        bot.Clock = new FakeTimeProvider(Now);
        var routes = new RouteTable()
            .FirstContact<WelcomeHandler>()
            .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
            .UnknownVerb<FallbackHandler>()
            .Dialogs(d =>
            {
                d.Form<ProfileForm>(ProfileForm.Id, ProfileForm.Command);
                var register = typeof(DialogRegistry).GetMethod(nameof(DialogRegistry.Form))!;
                foreach (var (type, id, _) in Forms) register.MakeGenericMethod(type).Invoke(d, ["t-" + id, new CommandDefinition("t-" + id)]);
            });
        return bot.With("Dialogs:IdleTimeout", "01:00:00").WithTestServices(s =>
        {
            s.AddRoutes(routes);
            s.Replace(ServiceDescriptor.Singleton(new Localizer(Strings())));
        });
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Strings()
    {
        var en = new Dictionary<string, string>();
        var vi = new Dictionary<string, string>();
        foreach (var (_, id, choices) in Forms)
        {
            var form = "t-" + id;
            foreach (var (lang, map) in new[] { ("en", en), ("vi", vi) })
            {
                map[$"Command.{form}.Title"] = $"Test {id}";
                map[$"Command.{form}.Description"] = $"Test form {id}";
                map[$"Command.{form}.Phrases"] = $"start {id}";
                map[$"Form.{form}.Title"] = lang == "en" ? $"Form {id}" : $"Mẫu {id}";
                map[$"Form.{form}.Done"] = "done";
                foreach (var field in id switch { "conditional" => ["role", "city", "staff"], "twotext" => ["first", "second"], _ => new[] { id } })
                {
                    map[$"Form.{form}.{field}.Label"] = lang == "en" ? $"Label {field}" : $"Nhãn {field}";
                    map[$"Form.{form}.{field}.Prompt"] = lang == "en" ? $"Question {field}?" : $"Câu hỏi {field}?";
                    map[$"Form.{form}.{field}.Help"] = lang == "en" ? $"Help for {field}." : $"Hướng dẫn {field}.";
                }
                foreach (var choice in choices.Concat(id == "conditional" ? ["learning", "mentor"] : []))
                    map[$"Form.{form}.{(id == "conditional" ? "role" : id)}.{choice}"] = lang == "en" ? ChoiceTitles[choice].En : ChoiceTitles[choice].Vi;
            }
        }
        return new() { ["en"] = en, ["vi"] = vi };
    }

    /// <summary>The user's stored dialog state in a conversation.</summary>
    public static async Task<DialogState> StateAsync(CcapBotFactory bot, string conversationId)
    {
        var member = await bot.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ConversationMembers, m => m.ConversationId == conversationId));
        return DialogState.Read(member);
    }
}
