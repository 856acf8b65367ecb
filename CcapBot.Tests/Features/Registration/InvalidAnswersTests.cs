using System.Globalization;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Registration;

/// <summary>Invalid answers are asked again with the reason, by chat and on the card form; nothing invalid is stored.</summary>
public sealed class InvalidAnswersTests : IAsyncLifetime
{
    private static readonly string FiveThousand = string.Concat(Enumerable.Repeat("Air quality ", 417)) + "abcd"; // 5,008 characters

    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Coordinators = [People.CoordinatorAad] });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Month(int fromNow) => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(fromNow).ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The answer was refused: the same question comes back with the reason, as one card.</summary>
    private static void AskedAgain(Reply reply, string question, string reason)
    {
        var card = CardReader.Text(Assert.Single(reply.Cards));
        Assert.Contains(question, card, StringComparison.Ordinal);
        Assert.Contains(reason, card, StringComparison.Ordinal);
    }

    private Task<(int Cities, int Representatives, int Registrations, int Applications)> StoredAsync() => _bot.QueryAsync(async db =>
        (await db.Cities.CountAsync(Ct), await db.Representatives.CountAsync(Ct), await db.Registrations.CountAsync(Ct), await db.Applications.CountAsync(Ct)));

    [Fact]
    public async Task Registration_ByChat_RefusesBadAnswersWithTheReason_AndStoresNothingInvalid()
    {
        var chat = _bot.Teams("29:chiangmai", "Somchai", Guid.NewGuid().ToString());
        Assert.Equal(5_008, FiveThousand.Length);
        await chat.SayAsync("register");

        AskedAgain(await chat.SayAsync("Atlantis"), "Which country is your city in?", "I don't know that country.");
        await chat.SayAsync("Thailand");
        AskedAgain(await chat.SayAsync(FiveThousand), "What is the name of the city?", "That is too long: at most 100 characters, please.");
        await chat.SayAsync("Chiang Mai");
        await chat.SayAsync("skip");
        AskedAgain(await chat.SayAsync("Mars/Olympus"), "Which time zone is the city in?", "I don't know that time zone.");
        await chat.SayAsync("Asia/Bangkok");
        AskedAgain(await chat.SayAsync("lots of people"), "About how many people live in the city?", "That is not a whole number.");
        await chat.SayAsync("1,200,000");
        AskedAgain(await chat.SayAsync("skip"), "Which agency or department is responsible", "This question needs an answer.");
        AskedAgain(await chat.SayAsync(FiveThousand), "Which agency or department is responsible", "That is too long: at most 200 characters, please.");
        await chat.SayAsync("Chiang Mai Environment Office");
        await chat.SayAsync("Somchai Wong");
        await chat.SayAsync("Director");
        AskedAgain(await chat.SayAsync("somchai at chiangmai dot go dot th"), "What is your work email address?", "That doesn't look like an email address");
        await chat.SayAsync("somchai@chiangmai.go.th");
        AskedAgain(await chat.SayAsync("call me"), "What is your phone number", "That doesn't look like a phone number");
        await chat.SayAsync("skip");
        await chat.SayAsync("Anong");
        AskedAgain(await chat.SayAsync("anong@"), "alternate contact's email", "That doesn't look like an email address");
        await chat.SayAsync("skip");
        AskedAgain(await chat.SayAsync("Klingon"), "Which languages does the city's team work in?", "Klingon");
        await chat.SayAsync("Thai, English");
        AskedAgain(await chat.SayAsync("spectator"), "learn from a mentor city, mentor others, or both?", "Please choose one of: 1. Learning city, 2. Mentor city, 3. Both.");
        await chat.SayAsync("both");
        await chat.SayAsync("skip");
        var summary = await chat.SayAsync("no");
        var text = summary.All;
        Assert.Contains("Please check your answers.", text, StringComparison.Ordinal);
        Assert.Contains("Chiang Mai Environment Office", text, StringComparison.Ordinal);
        Assert.Contains("somchai@chiangmai.go.th", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Atlantis", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Air quality Air quality", text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await StoredAsync()); // nothing is stored before Confirm

        await chat.SayAsync("cancel");
        var cancelled = await chat.SayAsync("yes");
        Assert.Contains("Cancelled. Nothing was saved.", cancelled.All, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await StoredAsync());
    }

    [Fact]
    public async Task Registration_OnTheCardForm_MarksEachBadField_AndKeepsOnlyValidAnswers()
    {
        var chat = _bot.Teams("29:nagoya", "Aiko Ito", Guid.NewGuid().ToString());
        await chat.SayAsync("register");
        var form = await chat.SayAsync("form");
        var card = Assert.Single(form.Cards);

        var submitted = await chat.PressAsync("Submit", new Dictionary<string, string>
        {
            ["f_country"] = "XX",
            ["f_city"] = FiveThousand,
            ["f_timeZone"] = "Asia/Tokyo",
            ["f_agency"] = "",
            ["f_name"] = "Aiko Ito",
            ["f_title"] = "Manager",
            ["f_email"] = "aiko(at)city.nagoya.jp",
            ["f_languages"] = "ja",
            ["f_role"] = "mentor",
            ["f_consent"] = "true",
        }, card);

        var errors = submitted.InvokeCard.Text();
        Assert.Contains("Please fix 4 field(s) marked below.", errors, StringComparison.Ordinal);
        Assert.Contains("I don't know that country.", errors, StringComparison.Ordinal);
        Assert.Contains("That is too long: at most 100 characters, please.", errors, StringComparison.Ordinal);
        Assert.Contains("This question needs an answer.", errors, StringComparison.Ordinal);
        Assert.Contains("That doesn't look like an email address", errors, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await StoredAsync());

        // Fixed: the summary, then stored as submitted.
        var fixedUp = await chat.PressAsync("Submit", new Dictionary<string, string>
        {
            ["f_country"] = "JP",
            ["f_city"] = "Nagoya",
            ["f_timeZone"] = "Asia/Tokyo",
            ["f_agency"] = "Environmental Affairs Bureau",
            ["f_name"] = "Aiko Ito",
            ["f_title"] = "Manager",
            ["f_email"] = "aiko@city.nagoya.jp",
            ["f_languages"] = "ja",
            ["f_role"] = "mentor",
            ["f_consent"] = "true",
        }, submitted.InvokeCard);
        Assert.Contains("Please check your answers.", fixedUp.InvokeCard.Text(), StringComparison.Ordinal);
        await chat.PressAsync("Confirm", card: fixedUp.InvokeCard);
        var city = await _bot.QueryAsync(db => db.Cities.SingleAsync(Ct));
        Assert.Equal(("Nagoya", "JP", "Environmental Affairs Bureau"), (city.Name, city.CountryCode, city.Agency));
    }

    [Fact]
    public async Task Application_RefusesAPastStart_AnEndBeforeTheStart_AndOverlongText_AndStoresNothingInvalid()
    {
        var lan = _bot.Coordinator();
        await lan.SayAsync("hi");
        var chat = _bot.Teams("29:cebu", "Maria Santos", Guid.NewGuid().ToString());
        await chat.RegisterAsync("Philippines", "Cebu City", "maria@cebucity.gov.ph");
        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration"));
        await chat.WaitForCardAsync("Registration approved"); // the outbox tells her; not an answer to what she says next

        await chat.SayAsync("apply");
        AskedAgain(await chat.SayAsync("observer"), "Is the city asking for a mentor city", "Please choose one of");
        await chat.SayAsync("Learning request");
        AskedAgain(await chat.SayAsync("space travel"), "Which areas is this about?", "I don't recognise \"space travel\" among the options.");
        await chat.SayAsync("Public bike-sharing");
        await chat.SayAsync("1, 2");
        AskedAgain(await chat.SayAsync(FiveThousand), "Anything else, not in the lists?", "That is too long: at most 1000 characters, please.");
        await chat.SayAsync("skip");
        AskedAgain(await chat.SayAsync(Month(-1)), "From which month could the partnership start?", "That month has already passed");
        await chat.SayAsync(Month(2));
        AskedAgain(await chat.SayAsync(Month(1)), "In which month should it end?", "The end must be after the start month.");
        AskedAgain(await chat.SayAsync(Month(2)), "In which month should it end?", "The end must be after the start month.");
        await chat.SayAsync(Month(8));
        AskedAgain(await chat.SayAsync("carrier pigeons"), "How would the city like to work with its partner?", "I don't recognise \"carrier pigeons\"");
        await chat.SayAsync("webinars");
        await chat.SayAsync("staff time");
        AskedAgain(await chat.SayAsync("5000"), "staff hours a month", "Please enter a whole number from 0 to 1000.");
        await chat.SayAsync("16");
        AskedAgain(await chat.SayAsync(FiveThousand), "Any constraints the partner should know about", "That is too long: at most 1000 characters, please.");
        var summary = await chat.SayAsync("skip");
        Assert.Contains("Please check your answers.", summary.All, StringComparison.Ordinal);

        // Moving the start after the end from the summary sends the user back to the end, with the reason.
        var card = summary.Cards.Last();
        var edit = card.Actions().First(a => (string?)a["data"]?["field"] == "periodStart");
        await chat.PressAsync(edit, card);
        var back = await chat.SayAsync(Month(10));
        AskedAgain(back, "In which month should it end?", "The end must be after the start month.");
        Assert.Equal(0, (await StoredAsync()).Applications);
        summary = await chat.SayAsync(Month(14));
        await chat.PressAsync("Confirm", card: summary.Cards.Last());

        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct));
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(10);
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(14);
        Assert.Equal((new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1)), (application.PeriodStart, application.PeriodEnd));
        Assert.Equal(["bike-sharing"], application.Categories);
        Assert.Equal((16, (string?)null, (string?)null), (application.StaffHoursPerMonth ?? 0, application.OtherNeeds, application.Constraints));
    }
}
