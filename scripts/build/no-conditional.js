// Babel plugin: rewrites `a ? b : c` as `(a && [b] || [c])[0]`, which evaluates the same operands
// in the same order. Microsoft's troubleshooting guide for event-based add-ins says that classic
// Outlook on Windows before Version 2403 runs ES2016 only and that the conditional (ternary)
// operator "will prevent your add-in from loading" there (troubleshoot-event-based-and-spam-reporting-add-ins).
// Arrays, not objects, box the values so that no function or class picks up a property name.
module.exports = function noConditional({ types: t }) {
  return {
    name: "reach-guard-no-conditional",
    visitor: {
      ConditionalExpression: {
        exit(path) {
          const { test, consequent, alternate } = path.node;
          const whenTrue = t.logicalExpression("&&", test, t.arrayExpression([consequent]));
          const either = t.logicalExpression("||", whenTrue, t.arrayExpression([alternate]));
          path.replaceWith(t.memberExpression(either, t.numericLiteral(0), true));
        },
      },
    },
  };
};
