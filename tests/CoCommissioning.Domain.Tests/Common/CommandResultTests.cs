using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Tests.Common;

public class CommandResultTests
{
    [Fact]
    public void SuccessOfT_WithValue_SucceedsWithValueAndNoFailure()
    {
        var result = CommandResult<string>.Success("done");

        result.Succeeded.Should().BeTrue();
        result.Value.Should().Be("done");
        result.Failure.Should().BeNull();
    }

    [Fact]
    public void FailOfT_WithFailure_FailsWithFailureAndDefaultValue()
    {
        var failure = Failure.Rule("Not now.");

        var result = CommandResult<string>.Fail(failure);

        result.Succeeded.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void ImplicitConversionOfT_FromFailure_Fails()
    {
        var failure = Failure.NotFound("The committee");

        CommandResult<int> result = failure;

        result.Succeeded.Should().BeFalse();
        result.Value.Should().Be(0);
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void Success_WithoutValue_SucceedsWithNoFailure()
    {
        var result = CommandResult.Success();

        result.Succeeded.Should().BeTrue();
        result.Failure.Should().BeNull();
    }

    [Fact]
    public void Fail_WithFailure_FailsWithThatFailure()
    {
        var failure = Failure.Forbidden("No.");

        var result = CommandResult.Fail(failure);

        result.Succeeded.Should().BeFalse();
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void ImplicitConversion_FromFailure_Fails()
    {
        var failure = Failure.Conflict("committee");

        CommandResult result = failure;

        result.Succeeded.Should().BeFalse();
        result.Failure.Should().BeSameAs(failure);
    }

    private static readonly Failure Refused = Failure.Rule("Not now.");
    private static readonly Failure Later = Failure.Conflict("meeting");

    private static CommandResult<int> Ok(int value) => CommandResult<int>.Success(value);

    // Each row: the result, then what the pipeline should give.
    public static TheoryData<string, CommandResult<int>, string> MatchRows => new()
    {
        { "success", Ok(2), "value 2" },
        { "failure", Refused, "failed: Not now." },
    };

    [Theory]
    [MemberData(nameof(MatchRows))]
    public void Match_TakesTheBranchForTheOutcome(string _, CommandResult<int> result, string expected) =>
        result.Match(v => $"value {v}", f => $"failed: {f.Message}").Should().Be(expected);

    public static TheoryData<string, CommandResult, string> MatchWithoutValueRows => new()
    {
        { "success", CommandResult.Success(), "done" },
        { "failure", CommandResult.Fail(Refused), "failed: Not now." },
    };

    [Theory]
    [MemberData(nameof(MatchWithoutValueRows))]
    public void MatchWithoutValue_TakesTheBranchForTheOutcome(string _, CommandResult result, string expected) =>
        result.Match(() => "done", f => $"failed: {f.Message}").Should().Be(expected);

    public static TheoryData<string, CommandResult<int>, CommandResult<string>> MapRows => new()
    {
        { "success is mapped", Ok(2), CommandResult<string>.Success("4") },
        { "failure passes through", Refused, CommandResult<string>.Fail(Refused) },
    };

    [Theory]
    [MemberData(nameof(MapRows))]
    public void Map_ChangesOnlyASuccess(string _, CommandResult<int> result, CommandResult<string> expected) =>
        result.Map(v => (v * 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    public static TheoryData<string, CommandResult<int>, Func<int, CommandResult<int>>, CommandResult<int>, bool> BindRows => new()
    {
        { "success then success", Ok(2), v => Ok(v + 1), Ok(3), true },
        { "success then failure", Ok(2), _ => Later, CommandResult<int>.Fail(Later), true },
        { "failure skips the next step", Refused, v => Ok(v + 1), CommandResult<int>.Fail(Refused), false },
        { "the first failure wins", Refused, _ => Later, CommandResult<int>.Fail(Refused), false },
    };

    [Theory]
    [MemberData(nameof(BindRows))]
    public void Bind_RunsTheNextStepOnlyAfterASuccess(string _, CommandResult<int> result, Func<int, CommandResult<int>> next, CommandResult<int> expected, bool nextRuns)
    {
        var ran = false;

        var bound = result.Bind(v => { ran = true; return next(v); });

        bound.Should().Be(expected);
        ran.Should().Be(nextRuns);
    }

    public static TheoryData<string, CommandResult<int>, Func<int, CommandResult>, CommandResult, bool> BindWithoutValueRows => new()
    {
        { "success then success", Ok(2), _ => CommandResult.Success(), CommandResult.Success(), true },
        { "success then failure", Ok(2), _ => Later, CommandResult.Fail(Later), true },
        { "failure skips the next step", Refused, _ => CommandResult.Success(), CommandResult.Fail(Refused), false },
    };

    [Theory]
    [MemberData(nameof(BindWithoutValueRows))]
    public void BindToResultWithoutValue_RunsTheNextStepOnlyAfterASuccess(string _, CommandResult<int> result, Func<int, CommandResult> next, CommandResult expected, bool nextRuns)
    {
        var ran = false;

        var bound = result.Bind(v => { ran = true; return next(v); });

        bound.Should().Be(expected);
        ran.Should().Be(nextRuns);
    }

    public static TheoryData<string, CommandResult, Func<CommandResult<int>>, CommandResult<int>> BindFromResultWithoutValueRows => new()
    {
        { "success then value", CommandResult.Success(), () => Ok(5), Ok(5) },
        { "success then failure", CommandResult.Success(), () => Later, CommandResult<int>.Fail(Later) },
        { "failure passes through", CommandResult.Fail(Refused), () => Ok(5), CommandResult<int>.Fail(Refused) },
    };

    [Theory]
    [MemberData(nameof(BindFromResultWithoutValueRows))]
    public void BindFromResultWithoutValue_RunsTheNextStepOnlyAfterASuccess(string _, CommandResult result, Func<CommandResult<int>> next, CommandResult<int> expected)
    {
        result.Bind(next).Should().Be(expected);
        result.Map(() => 7).Should().Be(result.Succeeded ? Ok(7) : CommandResult<int>.Fail(Refused));
        result.Bind(() => CommandResult.Fail(Later)).Should().Be(result.Succeeded ? CommandResult.Fail(Later) : CommandResult.Fail(Refused));
    }

    public static TheoryData<string, CommandResult<int>, bool, int, Failure?> TryGetValueRows => new()
    {
        { "success", Ok(2), true, 2, null },
        { "failure", Refused, false, 0, Refused },
    };

    [Theory]
    [MemberData(nameof(TryGetValueRows))]
    public void TryGetValue_GivesTheValueOrTheFailure(string _, CommandResult<int> result, bool succeeded, int value, Failure? failure)
    {
        result.TryGetValue(out var gotValue, out var gotFailure).Should().Be(succeeded);
        gotValue.Should().Be(value);
        gotFailure.Should().Be(failure);

        result.TryGetFailure(out var onlyFailure).Should().Be(!succeeded);
        onlyFailure.Should().Be(failure);
        result.WithoutValue().Should().Be(succeeded ? CommandResult.Success() : CommandResult.Fail(Refused));
    }

    public static TheoryData<string, CommandResult, bool> TryGetFailureRows => new()
    {
        { "success", CommandResult.Success(), false },
        { "failure", CommandResult.Fail(Refused), true },
    };

    [Theory]
    [MemberData(nameof(TryGetFailureRows))]
    public void TryGetFailureWithoutValue_GivesTheFailure(string _, CommandResult result, bool failed)
    {
        result.TryGetFailure(out var failure).Should().Be(failed);
        failure.Should().Be(failed ? Refused : null);
    }

    public static TheoryData<string, CommandResult<int>, CommandResult<string>> AsyncRows => new()
    {
        { "success runs every step", Ok(2), CommandResult<string>.Success("6") },
        { "failure passes through every step", Refused, CommandResult<string>.Fail(Refused) },
    };

    [Theory]
    [MemberData(nameof(AsyncRows))]
    public async Task AsyncSteps_ChainOnATask(string _, CommandResult<int> result, CommandResult<string> expected)
    {
        var chained = await result
            .MapAsync(async v => { await Task.Yield(); return v + 1; })
            .MapAsync(v => v * 2)
            .BindAsync(async v => { await Task.Yield(); return CommandResult<int>.Success(v); })
            .BindAsync(v => CommandResult<string>.Success(v.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        chained.Should().Be(expected);
        (await Task.FromResult(result).MatchAsync(v => v, _ => -1)).Should().Be(result.Succeeded ? 2 : -1);
    }

    public static TheoryData<string, CommandResult<int>, CommandResult, bool> AsyncWithoutValueRows => new()
    {
        { "success runs the command", Ok(2), CommandResult.Success(), true },
        { "failure skips the command", Refused, CommandResult.Fail(Refused), false },
    };

    [Theory]
    [MemberData(nameof(AsyncWithoutValueRows))]
    public async Task AsyncCommandsWithoutValue_RunOnlyAfterASuccess(string _, CommandResult<int> result, CommandResult expected, bool runs)
    {
        var ran = 0;
        async Task<CommandResult> Step() { await Task.Yield(); ran++; return CommandResult.Success(); }

        var direct = await result.BindAsync(_ => Step());
        var chained = await Task.FromResult(result).BindAsync(_ => Step()).BindAsync(Step);
        var synchronous = await Task.FromResult(result).BindAsync(_ => CommandResult.Success());

        direct.Should().Be(expected);
        chained.Should().Be(expected);
        synchronous.Should().Be(expected);
        ran.Should().Be(runs ? 3 : 0);
        (await Task.FromResult(expected).MatchAsync(() => "done", f => f.Message)).Should().Be(runs ? "done" : "Not now.");
    }

    [Fact]
    public async Task AsyncStepsWithoutValue_RunOnlyAfterASuccess()
    {
        (await CommandResult.Success().MapAsync(() => Task.FromResult(3))).Should().Be(Ok(3));
        (await CommandResult.Fail(Refused).MapAsync(() => Task.FromResult(3))).Should().Be(CommandResult<int>.Fail(Refused));
        (await CommandResult.Success().BindAsync(() => Task.FromResult(Ok(4)))).Should().Be(Ok(4));
        (await CommandResult.Fail(Refused).BindAsync(() => Task.FromResult(Ok(4)))).Should().Be(CommandResult<int>.Fail(Refused));
        (await CommandResult.Success().BindAsync(() => Task.FromResult(CommandResult.Fail(Later)))).Should().Be(CommandResult.Fail(Later));
        (await CommandResult.Fail(Refused).BindAsync(() => Task.FromResult(CommandResult.Fail(Later)))).Should().Be(CommandResult.Fail(Refused));
    }
}
