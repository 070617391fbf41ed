/*
 * The tokens of aio's Python subset. Indentation (INDENT/DEDENT) and logical lines (NEWLINE) are
 * made by AioLexerBase; a string literal of any form, f-strings included, is one STRING token.
 */
lexer grammar AioLexer;

options { superClass = AioLexerBase; }

tokens { INDENT, DEDENT }

STRING
    : STRING_PREFIX? ( LONG_STRING_SQ | LONG_STRING_DQ | SHORT_STRING_SQ | SHORT_STRING_DQ )
    ;

NUMBER
    : INTEGER
    | FLOAT_NUMBER
    | IMAG_NUMBER
    ;

AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FALSE    : 'False';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONE     : 'None';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRUE     : 'True';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

NEWLINE
    : ( '\r'? '\n' | '\r' | '\f' ) SPACES?
    ;

NAME
    : ID_START ID_CONTINUE*
    ;

ELLIPSIS    : '...';
DOT         : '.';
STAR        : '*';
OPEN_PAREN  : '(' { onOpenBracket(); };
CLOSE_PAREN : ')' { onCloseBracket(); };
COMMA       : ',';
COLON       : ':';
SEMI_COLON  : ';';
POWER       : '**';
ASSIGN      : '=';
OPEN_BRACK  : '[' { onOpenBracket(); };
CLOSE_BRACK : ']' { onCloseBracket(); };
OR_OP       : '|';
XOR         : '^';
AND_OP      : '&';
LEFT_SHIFT  : '<<';
RIGHT_SHIFT : '>>';
ADD         : '+';
MINUS       : '-';
DIV         : '/';
MOD         : '%';
IDIV        : '//';
NOT_OP      : '~';
OPEN_BRACE  : '{' { onOpenBracket(); };
CLOSE_BRACE : '}' { onCloseBracket(); };
LESS_THAN   : '<';
GREATER_THAN: '>';
EQUALS      : '==';
GT_EQ       : '>=';
LT_EQ       : '<=';
NOT_EQ_2    : '!=';
AT          : '@';
ARROW       : '->';
WALRUS      : ':=';
ADD_ASSIGN  : '+=';
SUB_ASSIGN  : '-=';
MULT_ASSIGN : '*=';
AT_ASSIGN   : '@=';
DIV_ASSIGN  : '/=';
MOD_ASSIGN  : '%=';
AND_ASSIGN  : '&=';
OR_ASSIGN   : '|=';
XOR_ASSIGN  : '^=';
LEFT_SHIFT_ASSIGN  : '<<=';
RIGHT_SHIFT_ASSIGN : '>>=';
POWER_ASSIGN : '**=';
IDIV_ASSIGN  : '//=';

SKIP_
    : ( SPACES | COMMENT | LINE_JOINING ) -> skip
    ;

/* Anything else is an error token, so the parser reports it with its position. */
UNKNOWN_CHAR
    : .
    ;

fragment STRING_PREFIX
    : [rRuUfFbB] | [fF] [rR] | [rR] [fF] | [bB] [rR] | [rR] [bB]
    ;

fragment SHORT_STRING_SQ : '\'' ( '\\' . | ~[\\\r\n'] )* '\'';
fragment SHORT_STRING_DQ : '"' ( '\\' . | ~[\\\r\n"] )* '"';
fragment LONG_STRING_SQ  : '\'\'\'' ( '\\' . | ~'\\' )*? '\'\'\'';
fragment LONG_STRING_DQ  : '"""' ( '\\' . | ~'\\' )*? '"""';

fragment INTEGER
    : DECIMAL_INTEGER | OCT_INTEGER | HEX_INTEGER | BIN_INTEGER
    ;

fragment DECIMAL_INTEGER : NON_ZERO_DIGIT ( '_'? DIGIT )* | '0'+ ( '_'? '0' )*;
fragment OCT_INTEGER     : '0' [oO] ( '_'? [0-7] )+;
fragment HEX_INTEGER     : '0' [xX] ( '_'? [0-9a-fA-F] )+;
fragment BIN_INTEGER     : '0' [bB] ( '_'? [01] )+;
fragment NON_ZERO_DIGIT  : [1-9];
fragment DIGIT           : [0-9];

fragment FLOAT_NUMBER    : POINT_FLOAT | EXPONENT_FLOAT;
fragment POINT_FLOAT     : DIGIT_PART? FRACTION | DIGIT_PART '.';
fragment EXPONENT_FLOAT  : ( DIGIT_PART | POINT_FLOAT ) EXPONENT;
fragment DIGIT_PART      : DIGIT ( '_'? DIGIT )*;
fragment FRACTION        : '.' DIGIT_PART;
fragment EXPONENT        : [eE] [+-]? DIGIT_PART;
fragment IMAG_NUMBER     : ( FLOAT_NUMBER | DIGIT_PART ) [jJ];

fragment SPACES       : [ \t]+;
fragment COMMENT      : '#' ~[\r\n\f]*;
fragment LINE_JOINING : '\\' [ \t]* ( '\r'? '\n' | '\r' | '\f' );

fragment ID_START
    : [\p{L}\p{Nl}_]
    ;

fragment ID_CONTINUE
    : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]
    ;
