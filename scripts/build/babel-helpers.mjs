// Stands in for Babel's helpers in events.js: scripts/build/shared-babel-helpers.js loads this file
// through its own loader, which replaces this text with the helpers of the installed Babel.
