// Stands in for react-devtools-core, which Ink imports only when DEV is set (stack.md pitfall 6).
export default {};
